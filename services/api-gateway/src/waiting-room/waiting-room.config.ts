import { group, int, secretKey } from '@cinema/config';

/** Shorter than any length a production secret needs, so production refuses it. */
export const DEFAULT_WAITING_ROOM_SECRET = 'dev-waiting-room';

/** The gateway's waiting-room settings (docs/operations.md lists the variables). */
export function waitingRoomConfigSpec() {
  return group({
    /** HMAC key of admissions and stream tickets; every gateway replica needs the same one. */
    secret: secretKey('WAITING_ROOM_SECRET', { devDefault: DEFAULT_WAITING_ROOM_SECRET }),
    /** How long a gateway trusts a showtime's onSaleAt / admissionsPerMinute before asking movie-service. */
    settingsTtlMs: int('WAITING_ROOM_SETTINGS_TTL_MS', { default: 5_000, min: 0, max: 300_000 }),
    /** How long an admission lets its customer hold seats. */
    admissionSeconds: int('WAITING_ROOM_ADMISSION_SECONDS', { default: 600, min: 10, max: 86_400 }),
    /** A waiting customer with no poll, join or open stream for this long loses the place when it comes up. */
    presenceSeconds: int('WAITING_ROOM_PRESENCE_SECONDS', { default: 60, min: 5, max: 86_400 }),
    /** How often an open stream re-reads the customer's place (and counts as a sign of life). */
    streamIntervalMs: int('WAITING_ROOM_STREAM_INTERVAL_MS', { default: 2_000, min: 50, max: 30_000 }),
    /** How long a stream ticket opens the SSE stream. */
    streamTicketSeconds: int('WAITING_ROOM_STREAM_TICKET_SECONDS', { default: 300, min: 10, max: 3_600 }),
  });
}
