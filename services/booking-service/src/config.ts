import {
  dbSpec,
  group,
  int,
  listenSpec,
  loadConfig,
  paymentClientSpec,
  rabbitSpec,
  serviceUrlSpec,
  ticketSigningKeySpec,
} from '@cinema/config';

export type BookingConfig = ReturnType<typeof loadBookingConfig>;

export function loadBookingConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      db: group(dbSpec('BOOKING', 'booking_db')),
      listen: group(listenSpec('booking')),
      rabbit: group(rabbitSpec()),
      seatServiceUrl: serviceUrlSpec('seat'),
      movieServiceUrl: serviceUrlSpec('movie'),
      /** The payment processor that PayBooking charges. */
      paymentService: group(paymentClientSpec()),
      paymentTimeoutSeconds: int('BOOKING_PAYMENT_TIMEOUT_SECONDS', { default: 900, min: 5, max: 86_400 }),
      /** PENDING (unpaid, unexpired) bookings a customer may have at once; 0 turns the cap off. */
      maxPendingPerUser: int('MAX_PENDING_BOOKINGS_PER_USER', { default: 10, min: 0, max: 10_000 }),
      ticketSigningKey: ticketSigningKeySpec(),
      /** The door admits a ticket from this long before its showtime starts... */
      checkInOpensMinutes: int('CHECKIN_OPENS_MINUTES_BEFORE', { default: 720, min: 0, max: 10_080 }),
      /** ...until this long after. */
      checkInClosesMinutes: int('CHECKIN_CLOSES_MINUTES_AFTER', { default: 360, min: 0, max: 10_080 }),
    },
    source,
  );
}
