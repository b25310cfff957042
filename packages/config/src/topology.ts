import { SERVICE_PORTS, type ServiceKey } from './shared';

/** The deployables, in the order `npm start` starts them (the services others call come first). */
export const SERVICES = [
  'auth-service',
  'movie-service',
  'seat-service',
  'booking-service',
  'saga-orchestrator',
  'notification-service',
  'payment-service',
  'api-gateway',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Each service database: the prefix of its `<PREFIX>_DB_*` variables and its default name. */
export const SERVICE_DATABASES = {
  AUTH: 'auth_db',
  MOVIE: 'movie_db',
  SEAT: 'seat_db',
  BOOKING: 'booking_db',
  SAGA_ORCHESTRATOR: 'saga_db',
  NOTIFICATION: 'notification_db',
  PAYMENT: 'payment_db',
} as const;
export type ServiceDatabase = keyof typeof SERVICE_DATABASES;

/** The deployables that serve gRPC, with their ports and variables (SERVICE_PORTS). */
export const GRPC_SERVICES: Partial<Record<ServiceName, (typeof SERVICE_PORTS)[ServiceKey]>> = {
  'auth-service': SERVICE_PORTS.auth,
  'notification-service': SERVICE_PORTS.notification,
  'movie-service': SERVICE_PORTS.movie,
  'seat-service': SERVICE_PORTS.seat,
  'booking-service': SERVICE_PORTS.booking,
  'saga-orchestrator': SERVICE_PORTS.saga,
};
