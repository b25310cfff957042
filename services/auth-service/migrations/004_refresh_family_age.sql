-- A refresh-token family lives at most REFRESH_FAMILY_MAX_AGE_SECONDS from the sign-in that started it,
-- however often its tokens rotate; every token of a family carries that start.
ALTER TABLE refresh_tokens ADD COLUMN family_started_at timestamptz;
UPDATE refresh_tokens r SET family_started_at = f.started
  FROM (SELECT family_id, min(created_at) AS started FROM refresh_tokens GROUP BY family_id) f
  WHERE r.family_id = f.family_id;
ALTER TABLE refresh_tokens
  ALTER COLUMN family_started_at SET DEFAULT now(),
  ALTER COLUMN family_started_at SET NOT NULL;
