// seat-service: implementation in progress
