import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { config as loadDotenv } from 'dotenv';

/** Thrown at boot when a variable is missing or malformed; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

let dotenvLoaded = false;

/** Loads the nearest `.env` above the working directory once; real environment variables win. */
export function loadDotenvOnce(): void {
  if (dotenvLoaded) return;
  dotenvLoaded = true;
  let dir = process.cwd();
  for (;;) {
    const candidate = join(dir, '.env');
    if (existsSync(candidate)) {
      loadDotenv({ path: candidate, quiet: true });
      return;
    }
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

type Source = Record<string, string | undefined>;

export interface Field<T> {
  read(source: Source, problems: string[]): T;
  secret?: boolean;
  variable: string;
}

export function str(
  variable: string,
  opts: { default?: string; secret?: boolean; allowEmpty?: boolean } = {},
): Field<string> {
  return {
    variable,
    secret: opts.secret,
    read(source, problems) {
      const raw = source[variable];
      if (raw === undefined || (raw === '' && !opts.allowEmpty)) {
        if (opts.default !== undefined) return opts.default;
        problems.push(`${variable} is required`);
        return '';
      }
      return raw;
    },
  };
}

export function int(
  variable: string,
  opts: { default?: number; min?: number; max?: number } = {},
): Field<number> {
  return {
    variable,
    read(source, problems) {
      const raw = source[variable];
      if (raw === undefined || raw.trim() === '') {
        if (opts.default !== undefined) return opts.default;
        problems.push(`${variable} is required`);
        return 0;
      }
      const value = Number(raw);
      if (!Number.isInteger(value)) {
        problems.push(`${variable} must be an integer, got "${raw}"`);
        return 0;
      }
      if (opts.min !== undefined && value < opts.min)
        problems.push(`${variable} must be >= ${opts.min}, got ${value}`);
      if (opts.max !== undefined && value > opts.max)
        problems.push(`${variable} must be <= ${opts.max}, got ${value}`);
      return value;
    },
  };
}

export function bool(variable: string, opts: { default: boolean }): Field<boolean> {
  return {
    variable,
    read(source, problems) {
      const raw = source[variable];
      if (raw === undefined || raw === '') return opts.default;
      if (/^(1|true|yes|on)$/i.test(raw)) return true;
      if (/^(0|false|no|off)$/i.test(raw)) return false;
      problems.push(`${variable} must be true or false, got "${raw}"`);
      return opts.default;
    },
  };
}

export function url(variable: string, opts: { default?: string; protocols?: string[] } = {}): Field<string> {
  const inner = str(variable, { default: opts.default });
  return {
    variable,
    read(source, problems) {
      const value = inner.read(source, problems);
      if (!value) return value;
      try {
        const parsed = new URL(value);
        if (opts.protocols && !opts.protocols.includes(parsed.protocol)) {
          problems.push(`${variable} must use ${opts.protocols.join(' or ')}, got "${parsed.protocol}"`);
        }
      } catch {
        problems.push(`${variable} must be a URL, got "${value}"`);
      }
      return value;
    },
  };
}

export type Spec<T> = { [K in keyof T]: Field<T[K]> };

/** Nests a spec (e.g. the database settings) inside a larger one. */
export function group<T>(spec: Spec<T>): Field<T> {
  return {
    variable: Object.values<Field<unknown>>(spec)
      .map((f) => f.variable)
      .join(','),
    read(source, problems) {
      const result = {} as T;
      for (const key of Object.keys(spec) as (keyof T)[]) result[key] = spec[key].read(source, problems);
      return result;
    },
  };
}

/**
 * Reads and validates a typed configuration object from the environment (and `.env`).
 * All problems are reported together so one restart fixes them all.
 */
export function loadConfig<T>(spec: Spec<T>, source: Source = process.env): T {
  if (source === process.env) loadDotenvOnce();
  const problems: string[] = [];
  const result = group(spec).read(source, problems);
  // Several fields may report the same problem (an unknown NODE_ENV): once is enough.
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);
  return result;
}

/** Secrets and passwords the repository documents; production refuses every one of them. */
export const DEVELOPMENT_SECRETS = new Set([
  'dev-jwt-secret-change-me',
  'dev-webhook-secret-change-me',
  'dev-payment-api-key-change-me',
  'dev-ticket-signing-key-change-me',
  'your-super-secret-jwt-key',
  'admin-password-123',
  'password',
]);

/** 256 bits: HS256's key size, and more than anyone can guess for an API key. */
export const MIN_SECRET_BYTES = 32;

const DEVELOPMENT_MODES = new Set(['', 'development', 'test']);

/**
 * Production mode is NODE_ENV=production; an unknown mode is refused rather than guessed, so a typo
 * (`prod`) cannot start a service with the development secrets.
 */
function isProduction(source: Source, problems: string[]): boolean {
  const mode = source.NODE_ENV ?? '';
  if (mode === 'production') return true;
  if (!DEVELOPMENT_MODES.has(mode))
    problems.push(`NODE_ENV must be production, development or test, got "${mode}"`);
  return false;
}

const HOW_TO_SET = 'e.g. from `npm run init-env`';

/**
 * A signing or API key. Development falls back to `devDefault` (or to empty when there is none); with
 * NODE_ENV=production the service refuses to start when the key is missing (unless `optional`), a
 * development default or shorter than 32 bytes.
 */
export function secretKey(
  variable: string,
  opts: { devDefault: string } | { optional: true },
): Field<string> {
  const devDefault = 'devDefault' in opts ? opts.devDefault : '';
  return {
    variable,
    secret: true,
    read(source, problems) {
      const raw = source[variable] ?? '';
      if (!isProduction(source, problems)) return raw || devDefault;
      if (!raw) {
        if (!('optional' in opts)) problems.push(`${variable} is required in production (${HOW_TO_SET})`);
      } else if (DEVELOPMENT_SECRETS.has(raw)) {
        problems.push(`${variable} is a development default; production needs its own (${HOW_TO_SET})`);
      } else if (Buffer.byteLength(raw, 'utf8') < MIN_SECRET_BYTES) {
        problems.push(`${variable} must be at least ${MIN_SECRET_BYTES} bytes in production (${HOW_TO_SET})`);
      }
      return raw;
    },
  };
}

/** Characters (not bytes): what a person choosing the admin password counts. */
export const MIN_PASSWORD_CHARACTERS = 12;

/** Words that mark a value as a stand-in waiting to be replaced, whatever their case or separators. */
const PLACEHOLDER_WORDS = ['changeme', 'replaceme', 'placeholder', 'yourpassword', 'secrethere'];

/**
 * A value copied from a template rather than chosen: `CHANGE_ME`, `<admin password>`, `${ADMIN_PASSWORD}`,
 * `xxxxxxxxxxxx`.
 */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (/^<.*>$/s.test(trimmed) || /^\$\{.*\}$/s.test(trimmed) || /^\{\{.*\}\}$/s.test(trimmed)) return true;
  if (/^(.)\1*$/su.test(trimmed)) return true;
  const letters = trimmed.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return PLACEHOLDER_WORDS.some((word) => letters.includes(word));
}

/**
 * A password set by the operator: production refuses it missing, equal to a documented default, an obvious
 * placeholder or shorter than 12 characters.
 */
export function secretPassword(variable: string, opts: { devDefault: string }): Field<string> {
  return {
    variable,
    secret: true,
    read(source, problems) {
      const raw = source[variable] ?? '';
      if (!isProduction(source, problems)) return raw || opts.devDefault;
      if (!raw) problems.push(`${variable} is required in production (${HOW_TO_SET})`);
      else if (DEVELOPMENT_SECRETS.has(raw))
        problems.push(`${variable} is a documented default; production needs its own (${HOW_TO_SET})`);
      else if (isPlaceholder(raw))
        problems.push(`${variable} is a placeholder; production needs a real password (${HOW_TO_SET})`);
      else if ([...raw].length < MIN_PASSWORD_CHARACTERS)
        problems.push(
          `${variable} must be at least ${MIN_PASSWORD_CHARACTERS} characters in production (${HOW_TO_SET})`,
        );
      return raw;
    },
  };
}
