import {
  dbSpec,
  group,
  int,
  listenSpec,
  loadConfig,
  paymentApiKeySpec,
  paymentServiceUrlSpec,
  rabbitSpec,
  serviceUrlSpec,
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
      paymentServiceUrl: paymentServiceUrlSpec(),
      paymentApiKey: paymentApiKeySpec(),
      /** The bound on one call to the payment service; the gateway's PAY_TIMEOUT_MS must be longer. */
      paymentServiceTimeoutMs: int('PAYMENT_SERVICE_TIMEOUT_MS', { default: 5_000, min: 100, max: 60_000 }),
      paymentTimeoutSeconds: int('BOOKING_PAYMENT_TIMEOUT_SECONDS', { default: 900, min: 5, max: 86_400 }),
      /** PENDING (unpaid, unexpired) bookings a customer may have at once; 0 turns the cap off. */
      maxPendingPerUser: int('MAX_PENDING_BOOKINGS_PER_USER', { default: 10, min: 0, max: 10_000 }),
    },
    source,
  );
}
