-- Failed sign-ins are counted per (email, client address): the key is "<lower-cased email> <address>".
ALTER TABLE login_throttle RENAME COLUMN email TO subject;
DELETE FROM login_throttle;
