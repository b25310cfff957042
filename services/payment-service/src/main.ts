// payment-service: implementation in progress
