// api-gateway: implementation in progress
