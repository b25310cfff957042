import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, YAML11_SCHEMA } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@cinema/config';
import { loadGatewayConfig } from '../services/api-gateway/src/config';
import { loadAuthConfig } from '../services/auth-service/src/config';
import { loadBookingConfig } from '../services/booking-service/src/config';
import { loadMovieConfig } from '../services/movie-service/src/config';
import { loadNotificationConfig } from '../services/notification-service/src/config';
import { loadPaymentConfig } from '../services/payment-service/src/config';
import { loadSagaConfig } from '../services/saga-orchestrator/src/config';
import { loadSeatConfig } from '../services/seat-service/src/config';

type Loader = (source: Record<string, string | undefined>) => unknown;

const LOADERS: Record<string, Loader> = {
  'api-gateway': loadGatewayConfig,
  'auth-service': loadAuthConfig,
  'booking-service': loadBookingConfig,
  'movie-service': loadMovieConfig,
  'notification-service': loadNotificationConfig,
  'payment-service': loadPaymentConfig,
  'saga-orchestrator': loadSagaConfig,
  'seat-service': loadSeatConfig,
};

/** Every variable a service's config reads, and those it cannot start without. */
function variablesOf(loader: Loader): { read: Set<string>; required: string[] } {
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

// In a container, a default pointing at 127.0.0.1 reaches nothing: these must come from the compose file.
const MUST_BE_SET = /(_HOST|_URL|_SECRET)$/;

/** Compose's `${NAME:-default}` substitution, as it happens when nothing is set in the shell. */
function interpolate(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) => [
      k,
      String(v).replace(/\$\{(\w+)(?::-([^}]*))?\}/g, (_m, _n, d?: string) => d ?? ''),
    ]),
  );
}

interface ComposeFile {
  services: Record<string, { environment?: Record<string, string>; command?: string[] }>;
}

describe('docker-compose.yml', () => {
  // Compose files use YAML 1.1 merge keys (<<: *service), which js-yaml's default schema leaves unmerged.
  const compose = load(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8'), {
    schema: YAML11_SCHEMA,
  }) as ComposeFile;

  it.each(Object.keys(LOADERS))('sets every variable %s needs', (service) => {
    const definition = compose.services[service];
    expect(definition, `${service} is missing from docker-compose.yml`).toBeDefined();
    expect(definition.command?.join(' ')).toContain(`services/${service}/dist/main.js`);
    const env = interpolate(definition.environment ?? {});
    const { read, required } = variablesOf(LOADERS[service]);
    const missing = [...read].filter(
      (name) => MUST_BE_SET.test(name) && !(name in env) && !name.endsWith('_PREVIOUS'),
    );
    expect(missing, `${service} reads these but compose does not set them`).toEqual([]);
    expect(required.filter((name) => !(name in env))).toEqual([]);
    // The configuration compose gives must be valid as a whole.
    expect(() => LOADERS[service](env)).not.toThrow();
  });
});
