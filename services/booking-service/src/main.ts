// booking-service: implementation in progress
