import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import type { moviePb, seatPb } from '@cinema/contracts';
import { serviceModules } from '@cinema/database';
import { brokerHealthCheck, type Broker } from '@cinema/messaging';
import { createRpcClient, GrpcHealthController } from '@cinema/rpc';
import { adminProviders, type AdminDependencies } from './admin/admin.providers';
import { BookingChanges } from './bookings/booking-changes';
import { BookingPayments } from './bookings/booking-payments';
import { BookingsController } from './bookings/bookings.controller';
import { BookingsRepository } from './bookings/bookings.repository';
import { BookingsService } from './bookings/bookings.service';
import {
  MOVIE_PORT,
  PAYMENTS_PORT,
  SEAT_PORT,
  type MoviePort,
  type PaymentsPort,
  type SeatPort,
} from './bookings/ports';
import type { BookingConfig } from './config';
import { BOOKING_CONFIG, DB } from './database';
import { BROKER, OutboxRelayRunner } from './outbox-relay.runner';
import { PaymentServiceConnection } from './payment-service.connection';
import { CheckInsRepository } from './tickets/check-ins.repository';
import { TICKET_SIGNER, TicketSigner } from './tickets/ticket-signer';
import { TicketsService } from './tickets/tickets.service';

export interface BookingDependencies extends AdminDependencies {
  /** Publishes the outbox; omitted in tests that only look at the outbox table. */
  broker?: Broker;
  seats?: SeatPort;
  movies?: MoviePort;
  payments?: PaymentsPort;
}

// Plain objects around the rpc Proxy: Nest probes providers for lifecycle hooks (onModuleInit...), which
// the Proxy would treat as unknown RPC methods and throw on.
function seatClient(address: string): SeatPort {
  const client = createRpcClient<seatPb.SeatServiceClient>('seat', address);
  return {
    claimHold: (req, opts) => client.claimHold(req, opts),
    releaseBookingSeats: (req, opts) => client.releaseBookingSeats(req, opts),
  };
}

const SEATING_CACHE_MS = 60_000;
const SEATING_CACHE_SIZE = 1_000;

// A showtime's seating (room, seats, prices) never changes once created, and a booking only copies its
// names; one call per showtime a minute spares movie-service a 200-seat answer on every booking.
function movieClient(address: string): MoviePort {
  const client = createRpcClient<moviePb.MovieServiceClient>('movie', address);
  const cache = new Map<string, { at: number; seating: Promise<moviePb.ShowtimeSeating> }>();
  return {
    getShowtimeSeating: (req, opts) => {
      const hit = cache.get(req.id);
      if (hit && Date.now() - hit.at < SEATING_CACHE_MS) return hit.seating;
      const seating = client.getShowtimeSeating(req, opts);
      if (cache.size >= SEATING_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(req.id, { at: Date.now(), seating });
      seating.catch(() => cache.delete(req.id));
      return seating;
    },
  };
}

@Module({})
export class AppModule {
  static create(config: BookingConfig, pool: Pool, deps: BookingDependencies = {}): DynamicModule {
    const seats = deps.seats ?? seatClient(config.seatServiceUrl);
    const movies = deps.movies ?? movieClient(config.movieServiceUrl);
    const payments = deps.payments ?? new PaymentServiceConnection(config);
    const broker = deps.broker;
    const providers: Provider[] = [
      { provide: BOOKING_CONFIG, useValue: config },
      { provide: SEAT_PORT, useValue: seats },
      { provide: MOVIE_PORT, useValue: movies },
      { provide: PAYMENTS_PORT, useValue: payments },
      BookingsRepository,
      BookingsService,
      BookingPayments,
      BookingChanges,
      OutboxRelayRunner,
      { provide: TICKET_SIGNER, useValue: new TicketSigner(config.ticketSigningKey) },
      CheckInsRepository,
      TicketsService,
      ...adminProviders(config, deps),
    ];
    if (broker) providers.push({ provide: BROKER, useValue: broker });
    return {
      module: AppModule,
      imports: serviceModules('booking-service', pool, DB, broker ? [brokerHealthCheck(broker)] : []),
      controllers: [BookingsController, GrpcHealthController],
      providers,
    };
  }
}
