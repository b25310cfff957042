-- What the booking costs, so a payment of another amount or currency never confirms it. Null for a saga
-- of a booking that does not exist (or one started before this column): read from the booking then.
ALTER TABLE sagas ADD COLUMN total_amount integer, ADD COLUMN currency text;
