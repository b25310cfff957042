import { ConfigError } from '@cinema/config';
import { loadGatewayConfig } from '../services/api-gateway/src/config';
import { loadAuthConfig } from '../services/auth-service/src/config';
import { loadBookingConfig } from '../services/booking-service/src/config';
import { loadMovieConfig } from '../services/movie-service/src/config';
import { loadNotificationConfig } from '../services/notification-service/src/config';
import { loadPaymentConfig } from '../services/payment-service/src/config';
import { loadSagaConfig } from '../services/saga-orchestrator/src/config';
import { loadSeatConfig } from '../services/seat-service/src/config';

/** A service's config loader: reads its variables from `source`, throws ConfigError listing what is wrong. */
export type Loader = (source: Record<string, string | undefined>) => unknown;

/** Every service's config loader, by service name. */
export const LOADERS: Record<string, Loader> = {
  'api-gateway': loadGatewayConfig,
  'auth-service': loadAuthConfig,
  'booking-service': loadBookingConfig,
  'movie-service': loadMovieConfig,
  'notification-service': loadNotificationConfig,
  'payment-service': loadPaymentConfig,
  'saga-orchestrator': loadSagaConfig,
  'seat-service': loadSeatConfig,
};

/** Every variable a service's config reads, and those it cannot start without (from an empty environment). */
export function variablesOf(loader: Loader): { read: Set<string>; required: string[] } {
  const read = new Set<string>();
  const source = new Proxy({} as Record<string, string | undefined>, {
    get(_target, key) {
      if (typeof key === 'string') read.add(key);
      return undefined;
    },
  });
  let required: string[] = [];
  try {
    loader(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    required = error.problems.map((p) => p.split(' ')[0]);
  }
  return { read, required };
}
