-- Companion seats (layout letter P): each belongs to the accessible seat next to it in its row, and can only
-- be sold with it or once it is sold (seat-service enforces that when seats are held).
ALTER TABLE seats DROP CONSTRAINT seats_type_check;
ALTER TABLE seats ADD CONSTRAINT seats_type_check
  CHECK (type IN ('STANDARD', 'VIP', 'COUPLE', 'ACCESSIBLE', 'COMPANION'));
ALTER TABLE seats ADD COLUMN companion_of uuid REFERENCES seats (id);
ALTER TABLE seats ADD CONSTRAINT seats_companion_pairing
  CHECK ((type = 'COMPANION') = (companion_of IS NOT NULL));
CREATE UNIQUE INDEX seats_one_companion_per_accessible ON seats (companion_of) WHERE companion_of IS NOT NULL;
