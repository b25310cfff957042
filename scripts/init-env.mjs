// `npm run init-env`: writes `.env` with fresh random secrets, the ones docker-compose.yml requires
// (it runs in production mode and refuses to start without them). Refuses to overwrite an existing file
// unless --force; the file is readable by its owner only. Prints the variables' names, never their values.
// `npm start` reads the same file and stays in development mode: NODE_ENV is not written here.
// Usage: node scripts/init-env.mjs [--force] [--out <path>]
import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { force: { type: 'boolean', default: false }, out: { type: 'string' } },
});
const path = values.out ?? join(root, '.env');

// Hex: safe inside the URLs compose builds from them (redis://:<password>@…, amqp://cinema:<password>@…).
const secret = () => randomBytes(32).toString('hex');

const SECRETS = [
  ['JWT_SECRET', 'signs access tokens (auth-service) and verifies them (api-gateway)'],
  ['PAYMENT_WEBHOOK_SECRET', "signs payment-service's webhooks; api-gateway verifies them"],
  ['PAYMENT_API_KEY', 'what booking-service and saga-orchestrator send to payment-service as a bearer token'],
  ['TICKET_SIGNING_KEY', "seeds booking-service's Ed25519 ticket signing key"],
  ['IDEMPOTENCY_SECRET', "api-gateway's HMAC key for Idempotency-Key records in Redis"],
  ['WAITING_ROOM_SECRET', "api-gateway's HMAC key for waiting-room admissions and stream tickets"],
  ['ADMIN_PASSWORD', 'the password of the admin account (ADMIN_EMAIL) created at first start'],
  ['POSTGRES_PASSWORD', 'docker compose only: the PostgreSQL password'],
  ['RABBITMQ_PASSWORD', "docker compose only: RabbitMQ's user `cinema`"],
  ['REDIS_PASSWORD', 'docker compose only: Redis requirepass'],
];

function chmodOwnerOnly(file) {
  try {
    chmodSync(file, 0o600);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
}

const text = [
  `# Written by \`npm run init-env\` on ${new Date().toISOString()}. Never commit it (it is in .gitignore).`,
  '# docker compose takes its secrets from here; `npm start` reads it too (and stays in development mode).',
  ...SECRETS.flatMap(([name, meaning]) => [`# ${meaning}`, `${name}=${secret()}`]),
  '',
].join('\n');

try {
  // A replaced file keeps its permissions: narrow them before the new secrets are in it.
  if (values.force) chmodOwnerOnly(path);
  writeFileSync(path, text, { mode: 0o600, flag: values.force ? 'w' : 'wx' });
} catch (error) {
  if (error.code !== 'EEXIST') throw error;
  console.error(`${relative(process.cwd(), path) || path} exists; keeping it. Use --force to replace it.`);
  process.exit(1);
}
chmodOwnerOnly(path);
console.log(`wrote ${path} (mode 600) with fresh ${SECRETS.map(([name]) => name).join(', ')}`);
