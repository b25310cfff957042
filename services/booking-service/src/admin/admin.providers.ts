import type { Provider } from '@nestjs/common';
import type { moviePb, seatPb } from '@cinema/contracts';
import { createRpcClient } from '@cinema/rpc';
import type { BookingConfig } from '../config';
import { PaymentServiceConnection } from '../payment-service.connection';
import { ReportsService } from '../reports/reports.service';
import { AdminRepository } from './admin.repository';
import { AdminService } from './admin.service';
import {
  REFUNDS_PORT,
  REPORT_CATALOG_PORT,
  REPORT_SEATS_PORT,
  type RefundsPort,
  type ReportCatalogPort,
  type ReportSeatsPort,
} from './ports';

/** The neighbours of the admin views and reports; tests pass fakes. */
export interface AdminDependencies {
  refunds?: RefundsPort;
  catalog?: ReportCatalogPort;
  seatMaps?: ReportSeatsPort;
}

// Plain objects around the rpc Proxy, as in app.module.ts (Nest probes providers for lifecycle hooks).
function catalogClient(address: string): ReportCatalogPort {
  const client = createRpcClient<moviePb.MovieServiceClient>('movie', address);
  return {
    getShowtime: (req, opts) => client.getShowtime(req, opts),
    listShowtimes: (req, opts) => client.listShowtimes(req, opts),
    getMovie: (req, opts) => client.getMovie(req, opts),
  };
}

function seatMapClient(address: string): ReportSeatsPort {
  const client = createRpcClient<seatPb.SeatServiceClient>('seat', address);
  return { getSeatStatus: (req, opts) => client.getSeatStatus(req, opts) };
}

export function adminProviders(config: BookingConfig, deps: AdminDependencies): Provider[] {
  return [
    { provide: REFUNDS_PORT, useValue: deps.refunds ?? new PaymentServiceConnection(config) },
    { provide: REPORT_CATALOG_PORT, useValue: deps.catalog ?? catalogClient(config.movieServiceUrl) },
    { provide: REPORT_SEATS_PORT, useValue: deps.seatMaps ?? seatMapClient(config.seatServiceUrl) },
    AdminRepository,
    AdminService,
    ReportsService,
  ];
}
