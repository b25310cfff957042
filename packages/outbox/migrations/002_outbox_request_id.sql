-- The request that wrote the row (null for work no request caused, e.g. a sweeper): an operator follows one
-- purchase through the outbox by it, and the relay publishes it as the message's x-request-id.
ALTER TABLE outbox ADD COLUMN request_id text;
