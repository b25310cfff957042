import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { load, YAML11_SCHEMA } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { LOADERS, variablesOf } from './service-configs';

const root = join(__dirname, '..');

// In a container, a default pointing at 127.0.0.1 reaches nothing: these must come from the compose file.
const MUST_BE_SET = /(_HOST|_URL|_SECRET)$/;
// Variables that hold a secret, or a URL that may carry one.
const SECRET_NAME = /(SECRET|PASSWORD|_PASS|API_KEY)$/;

/** `npm run init-env` as documented, into a temporary file: the `.env` compose reads its secrets from. */
function initEnv(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'cinema-init-env-'));
  try {
    const file = join(dir, '.env');
    execFileSync(process.execPath, [join(root, 'scripts', 'init-env.mjs'), '--out', file], { stdio: 'pipe' });
    return parse(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const REQUIRED_REFERENCE = /\$\{(\w+):\?[^}]+\}/g;

/** Compose's substitution with `dotEnv` as the `.env` file: `${NAME:-default}` and `${NAME:?error}`. */
function interpolate(env: Record<string, string>, dotEnv: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) => [
      k,
      String(v).replace(
        /\$\{(\w+)(?::([-?])([^}]*))?\}/g,
        (_m, name: string, kind?: string, rest?: string) => {
          if (dotEnv[name]) return dotEnv[name];
          if (kind === '?') throw new Error(`compose would stop: ${name}: ${rest}`);
          return kind === '-' ? (rest ?? '') : '';
        },
      ),
    ]),
  );
}

interface ComposeService {
  environment?: Record<string, string>;
  command?: string[];
  ports?: unknown[];
  expose?: unknown[];
  network_mode?: string;
}

interface ComposeFile {
  services: Record<string, ComposeService>;
}

describe('docker-compose.yml', () => {
  // Compose files use YAML 1.1 merge keys (<<: *service), which js-yaml's default schema leaves unmerged.
  const compose = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), {
    schema: YAML11_SCHEMA,
  }) as ComposeFile;
  const dotEnv = initEnv();
  const ours = Object.entries(compose.services).filter(([, s]) =>
    s.command?.join(' ').includes('dist/main.js'),
  );

  it.each(Object.keys(LOADERS))('sets every variable %s needs, valid in production', (service) => {
    const definition = compose.services[service];
    expect(definition, `${service} is missing from docker-compose.yml`).toBeDefined();
    expect(definition.command?.join(' ')).toContain(`services/${service}/dist/main.js`);
    const env = interpolate(definition.environment ?? {}, dotEnv);
    expect(env.NODE_ENV).toBe('production');
    const { read, required } = variablesOf(LOADERS[service]);
    const missing = [...read].filter(
      // <SVC>_DB_DIRECT_HOST defaults to <SVC>_DB_HOST (PostgreSQL itself when no PgBouncer is in between).
      (name) =>
        MUST_BE_SET.test(name) &&
        !(name in env) &&
        !name.endsWith('_PREVIOUS') &&
        !name.endsWith('_DIRECT_HOST'),
    );
    expect(missing, `${service} reads these but compose does not set them`).toEqual([]);
    expect(required.filter((name) => !(name in env))).toEqual([]);
    // The configuration compose gives (with the secrets init-env writes) must pass production's rules.
    expect(() => LOADERS[service](env)).not.toThrow();
  });

  it('runs every service of ours in production mode', () => {
    expect(ours.map(([name]) => name).sort()).toEqual(Object.keys(LOADERS).sort());
    for (const [name, service] of ours) expect(service.environment?.NODE_ENV, name).toBe('production');
  });

  it('publishes only the gateway (3005) and the mail UI (8025)', () => {
    const published = Object.entries(compose.services).flatMap(([name, service]) => {
      expect(service.network_mode, name).toBeUndefined();
      return (service.ports ?? []).map((port) => `${name} ${String(port)}`);
    });
    expect(published.sort()).toEqual(['api-gateway 3005:3005', 'mailpit 8025:8025']);
  });

  it('takes every secret from outside the repository, stopping when one is not set', () => {
    const required = new Set<string>();
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        const text = String(value);
        for (const [, ref] of text.matchAll(REQUIRED_REFERENCE)) required.add(ref);
        if (SECRET_NAME.test(variable)) expect(text, `${name} ${variable}`).toMatch(/^\$\{\w+:\?[^}]+\}$/);
        // A URL's credentials too (redis://:<password>@…, amqp://user:<password>@…).
        const credentials = /^\w+:\/\/([^@/]*)@/.exec(text)?.[1];
        if (credentials !== undefined)
          expect(credentials.slice(credentials.indexOf(':') + 1), `${name} ${variable}`).toMatch(
            /^\$\{\w+:\?[^}]+\}$/,
          );
      }
    }
    for (const secret of [
      'JWT_SECRET',
      'PAYMENT_WEBHOOK_SECRET',
      'PAYMENT_API_KEY',
      'IDEMPOTENCY_SECRET',
      'ADMIN_PASSWORD',
      'TICKET_SIGNING_KEY',
    ])
      expect(required).toContain(secret);
    // `npm run init-env` writes all of them, each a fresh value of 32 bytes or more.
    for (const name of required) {
      expect(dotEnv[name], `init-env writes ${name}`).toBeDefined();
      expect(Buffer.byteLength(dotEnv[name]), name).toBeGreaterThanOrEqual(32);
    }
    // Without the .env, compose stops instead of starting with a known secret.
    for (const [, service] of ours)
      expect(() => interpolate(service.environment ?? {}, {})).toThrow(/init-env/);
  });

  it('keeps each secret to the services that use it', () => {
    const holders = (variable: string) =>
      ours
        .filter(([, s]) => s.environment && variable in s.environment)
        .map(([name]) => name)
        .sort();
    expect(holders('JWT_SECRET')).toEqual(['api-gateway', 'auth-service']);
    expect(holders('ADMIN_PASSWORD')).toEqual(['auth-service']);
    expect(holders('IDEMPOTENCY_SECRET')).toEqual(['api-gateway']);
    expect(holders('PAYMENT_WEBHOOK_SECRET')).toEqual(['api-gateway', 'payment-service']);
    expect(holders('PAYMENT_API_KEY')).toEqual(['booking-service', 'payment-service', 'saga-orchestrator']);
    expect(holders('TICKET_SIGNING_KEY')).toEqual(['booking-service']);
  });
});
