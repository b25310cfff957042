import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import type { bookingPb, moviePb, seatPb } from '@cinema/contracts';
import { serviceModules } from '@cinema/database';
import { brokerHealthCheck, type Broker } from '@cinema/messaging';
import { PaymentServiceClient } from '@cinema/payment-client';
import { createRpcClient, GrpcHealthController } from '@cinema/rpc';
import { CancellationSweeper } from './cancellations/cancellation.sweeper';
import { CancellationsRepository } from './cancellations/cancellations.repository';
import { CANCELLATION_PORTS, type CancellationPorts } from './cancellations/ports';
import { ShowtimeCancellations } from './cancellations/showtime-cancellations';
import type { SagaConfig } from './config';
import { DB, SAGA_CONFIG } from './database';
import { DeadlineSweeper } from './sagas/deadline.sweeper';
import { PaymentRefunds } from './sagas/payment-refunds';
import {
  BOOKING_PORT,
  PAYMENTS_PORT,
  SEAT_PORT,
  type BookingPort,
  type PaymentsPort,
  type SeatPort,
} from './sagas/ports';
import { BROKER, SagaConsumer } from './sagas/saga.consumer';
import { SagaController } from './sagas/saga.controller';
import { SagaService } from './sagas/saga.service';
import { SagasRepository } from './sagas/sagas.repository';

export interface SagaDependencies {
  /** Consumes SAGA_QUEUE; omitted in tests that hand events to SagaService directly. */
  broker?: Broker;
  booking?: BookingPort;
  seats?: SeatPort;
  payments?: PaymentsPort;
  cancellation?: CancellationPorts;
}

// Plain objects around the rpc Proxy: Nest probes providers for lifecycle hooks (onModuleInit...), which
// the Proxy would treat as unknown RPC methods and throw on.
function bookingClient(address: string): BookingPort {
  const client = createRpcClient<bookingPb.BookingServiceClient>('booking', address);
  return {
    getBookingById: (req, opts) => client.getBookingById(req, opts),
    recordPayment: (req, opts) => client.recordPayment(req, opts),
    confirmBooking: (req, opts) => client.confirmBooking(req, opts),
    endBooking: (req, opts) => client.endBooking(req, opts),
  };
}

function seatClient(address: string): SeatPort {
  const client = createRpcClient<seatPb.SeatServiceClient>('seat', address);
  return {
    confirmSeats: (req, opts) => client.confirmSeats(req, opts),
    releaseBookingSeats: (req, opts) => client.releaseBookingSeats(req, opts),
  };
}

function cancellationClients(config: SagaConfig): CancellationPorts {
  const movie = createRpcClient<moviePb.MovieServiceClient>('movie', config.movieServiceUrl);
  const seats = createRpcClient<seatPb.SeatServiceClient>('seat', config.seatServiceUrl);
  const booking = createRpcClient<bookingPb.BookingServiceClient>('booking', config.bookingServiceUrl);
  return {
    movie: {
      getShowtime: (req, opts) => movie.getShowtime(req, opts),
      cancelShowtime: (req, opts) => movie.cancelShowtime(req, opts),
    },
    seats: { closeShowtime: (req, opts) => seats.closeShowtime(req, opts) },
    booking: { cancelShowtimeBookings: (req, opts) => booking.cancelShowtimeBookings(req, opts) },
  };
}

@Module({})
export class AppModule {
  static create(config: SagaConfig, pool: Pool, deps: SagaDependencies = {}): DynamicModule {
    const booking = deps.booking ?? bookingClient(config.bookingServiceUrl);
    const seats = deps.seats ?? seatClient(config.seatServiceUrl);
    const payments = deps.payments ?? new PaymentRefunds(new PaymentServiceClient(config.paymentService));
    const broker = deps.broker;
    const providers: Provider[] = [
      { provide: SAGA_CONFIG, useValue: config },
      { provide: BOOKING_PORT, useValue: booking },
      { provide: SEAT_PORT, useValue: seats },
      { provide: PAYMENTS_PORT, useValue: payments },
      SagasRepository,
      SagaService,
      SagaConsumer,
      DeadlineSweeper,
      { provide: CANCELLATION_PORTS, useValue: deps.cancellation ?? cancellationClients(config) },
      CancellationsRepository,
      ShowtimeCancellations,
      CancellationSweeper,
    ];
    if (broker) providers.push({ provide: BROKER, useValue: broker });
    return {
      module: AppModule,
      imports: serviceModules('saga-orchestrator', pool, DB, broker ? [brokerHealthCheck(broker)] : []),
      controllers: [SagaController, GrpcHealthController],
      providers,
    };
  }
}
