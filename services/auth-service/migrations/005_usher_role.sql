-- Staff who admit tickets at the door (POST /checkin) without being administrators.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('customer', 'usher', 'admin'));
