import { sql } from '@cinema/database';

/** A timestamptz column as an ISO-8601 UTC string, '' when null (the proto's "absent"). */
export function isoOrEmpty(column: string) {
  return sql<string>`coalesce(to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')`;
}
