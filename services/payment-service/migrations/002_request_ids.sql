-- The request that created a payment or refund; its webhook events carry it back as X-Request-Id, so the
-- receiver's handling of the outcome is logged under the request that asked for it.
ALTER TABLE payments ADD COLUMN request_id text;
ALTER TABLE refunds ADD COLUMN request_id text;
ALTER TABLE webhook_events ADD COLUMN request_id text;
