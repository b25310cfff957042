// notification-service: implementation in progress
