import { join } from 'node:path';

export * from './errors';
export * from './events';
export * from './domain';
export * from './ids';
export * from './dependency-down';
export * from './webhook-signature';
export * as authPb from './generated/auth';
export * as moviePb from './generated/movie';
export * as seatPb from './generated/seat';
export * as bookingPb from './generated/booking';
export * as sagaPb from './generated/saga';
export * as notificationPb from './generated/notification';
export * as healthPb from './generated/health';

/** Directory of the .proto files; the same relative path from src/ and dist/. */
export const PROTO_DIR = join(__dirname, '..', 'proto');

export const GRPC_PACKAGES = {
  auth: { package: 'auth', proto: 'auth.proto', service: 'AuthService' },
  movie: { package: 'movie', proto: 'movie.proto', service: 'MovieService' },
  seat: { package: 'seat', proto: 'seat.proto', service: 'SeatService' },
  booking: { package: 'booking', proto: 'booking.proto', service: 'BookingService' },
  saga: { package: 'saga', proto: 'saga.proto', service: 'SagaService' },
  notification: { package: 'notification', proto: 'notification.proto', service: 'NotificationService' },
} as const;
export type GrpcServiceName = keyof typeof GRPC_PACKAGES;
