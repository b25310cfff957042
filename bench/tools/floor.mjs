// The floor: the least a program can do for the two hot requests on this machine, to judge the system's
// figures as ratios to it in the same sitting. A bare node:http server (a child process, so it has its own
// event loop like the gateway) that either returns a 200-seat status map kept as one string in Redis, or
// checks an HS256 JWT and runs an all-or-nothing Lua hold of the asked seats. The load is autocannon with the
// same connections, duration and request pattern as scenarios a and b of `npm run bench`.
//
//   node bench/tools/floor.mjs [--duration 10] [--connections 50] [--only status,hold] [--showtimes n]
//
// Uses REDIS_HOST/REDIS_PORT (127.0.0.1:6379) under its own key prefix and deletes its keys afterwards.
import { fork } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Redis from 'ioredis';
import { cannon, cannonMetrics } from '../lib/autocannon.mjs';
import { distinctHoldsRequest } from '../lib/hold-requests.mjs';
import { formatLoad, loadAverage, machineInfo } from '../lib/machine.mjs';

const SEATS = 200;
const CUSTOMERS = 200;
const HOLD_TTL_MS = 600_000;

// KEYS[1] = the showtime's seat hash; ARGV = owner, ttl ms, seat ids... All free or nothing is written.
const HOLD_SCRIPT = `
for i = 3, #ARGV do
  if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 1 then return ARGV[i] end
end
for i = 3, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], ARGV[1]) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return false`;

const b64url = (value) => Buffer.from(value).toString('base64url');

function signJwt(secret, payload) {
  const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

/** The subject of a valid, unexpired HS256 token, or undefined. */
function verifyJwt(secret, token) {
  const dot = token.lastIndexOf('.');
  if (dot < 0) return undefined;
  const head = token.slice(0, dot);
  if (createHmac('sha256', secret).update(head).digest('base64url') !== token.slice(dot + 1))
    return undefined;
  try {
    const claims = JSON.parse(Buffer.from(head.slice(head.indexOf('.') + 1), 'base64url').toString());
    return typeof claims.sub === 'string' && claims.exp * 1000 > Date.now() ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

/** A status body shaped like the system's (200 seats with label, row, number, type, price, status). */
function statusBody(showtimeId) {
  const seats = Array.from({ length: SEATS }, (_, i) => ({
    id: randomUUID(),
    label: `${String.fromCharCode(65 + Math.floor(i / 20))}${(i % 20) + 1}`,
    row: String.fromCharCode(65 + Math.floor(i / 20)),
    number: (i % 20) + 1,
    type: i >= 160 ? 'VIP' : 'STANDARD',
    price: i >= 160 ? 1800 : 1200,
    x: i % 20,
    y: Math.floor(i / 20),
    status: i < 20 ? 'HELD' : 'AVAILABLE',
  }));
  return JSON.stringify({ showtimeId, version: 20, currency: 'USD', seats });
}

/** The server (child process): answers GET /status/:id and POST /hold until its parent disconnects. */
async function serve() {
  const { prefix, secret } = JSON.parse(process.env.FLOOR_SERVER);
  const redis = new Redis({
    host: process.env.REDIS_HOST || '127.0.0.1',
    port: Number(process.env.REDIS_PORT || 6379),
    keyPrefix: prefix,
  });
  redis.defineCommand('floorHold', { numberOfKeys: 1, lua: HOLD_SCRIPT });
  const send = (res, status, body) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url.startsWith('/status/')) {
      redis.getBuffer(`status:${req.url.slice(8)}`).then(
        (body) => {
          if (!body) return send(res, 404, '{"code":"NOT_FOUND"}');
          res.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'content-length': body.length,
          });
          res.end(body);
        },
        () => send(res, 503, '{"code":"UNAVAILABLE"}'),
      );
      return;
    }
    if (req.method !== 'POST' || req.url !== '/hold') return send(res, 404, '{"code":"NOT_FOUND"}');
    const auth = req.headers.authorization ?? '';
    const user = auth.startsWith('Bearer ') ? verifyJwt(secret, auth.slice(7)) : undefined;
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (!user) return send(res, 401, '{"code":"UNAUTHENTICATED"}');
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return send(res, 400, '{"code":"VALIDATION_FAILED"}');
      }
      const seatIds = body?.seatIds;
      if (typeof body?.showtimeId !== 'string' || !Array.isArray(seatIds) || seatIds.length === 0)
        return send(res, 400, '{"code":"VALIDATION_FAILED"}');
      const holdId = randomUUID();
      redis.floorHold(`seats:${body.showtimeId}`, `${user}:${holdId}`, HOLD_TTL_MS, ...seatIds).then(
        (taken) =>
          taken
            ? send(res, 409, JSON.stringify({ code: 'SEATS_UNAVAILABLE', details: { seatIds: [taken] } }))
            : send(
                res,
                201,
                JSON.stringify({
                  holdId,
                  showtimeId: body.showtimeId,
                  seatIds,
                  expiresAt: new Date(Date.now() + HOLD_TTL_MS).toISOString(),
                }),
              ),
        () => send(res, 503, '{"code":"UNAVAILABLE"}'),
      );
    });
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('disconnect', () => {
    server.close();
    redis.disconnect();
  });
}

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      only: { type: 'string', default: 'status,hold' },
      showtimes: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'Usage: node bench/tools/floor.mjs [--duration 10] [--connections 50] [--only status,hold] [--showtimes n] [--json]',
    );
    process.exit(0);
  }
  return {
    duration: Number(values.duration),
    connections: Number(values.connections),
    only: values.only.split(',').map((s) => s.trim()),
    // Enough distinct free seats for 10,000 holds/s over the duration, unless told.
    showtimes: Number(values.showtimes ?? Math.ceil((10_000 * Number(values.duration)) / SEATS)),
    json: values.json,
  };
}

async function main() {
  const opts = options();
  const prefix = `floor:${process.pid}:${randomBytes(3).toString('hex')}:`;
  const secret = randomBytes(32).toString('hex');
  const redis = new Redis({
    host: process.env.REDIS_HOST || '127.0.0.1',
    port: Number(process.env.REDIS_PORT || 6379),
    keyPrefix: prefix,
  });
  const showtimes = Array.from({ length: opts.showtimes }, () => randomUUID());
  const seatIds = Array.from({ length: SEATS }, () => randomUUID());
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const auth = Array.from(
    { length: CUSTOMERS },
    () =>
      `Bearer ${signJwt(secret, { sub: randomUUID(), email: 'floor@example.com', role: 'customer', exp })}`,
  );
  await redis.set(`status:${showtimes[0]}`, statusBody(showtimes[0]));

  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    env: { ...process.env, FLOOR_SERVER: JSON.stringify({ prefix, secret }) },
  });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`floor server exited (${code})`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const machine = machineInfo();
  const results = {};
  if (!opts.json)
    console.log(
      `floor on ${machine.cpus} x ${machine.cpuModel}, node ${machine.node}: ${opts.connections} connections, ${opts.duration} s each; ${formatLoad(loadAverage())}`,
    );
  try {
    if (opts.only.includes('status')) {
      const load = loadAverage();
      const m = cannonMetrics(
        await cannon({
          url: `${url}/status/${showtimes[0]}`,
          connections: opts.connections,
          duration: opts.duration,
        }),
      );
      results.status = { ...m, loadBefore: load, ok: m['2xx'] === m.requests };
    }
    if (opts.only.includes('hold')) {
      // Request k holds seat k mod 200 of showtime floor(k / 200) as customer k mod 200, as scenario b does;
      // past the prepared seats the showtimes repeat and the answers become 409s (counted, not hidden).
      const holds = distinctHoldsRequest({
        path: '/hold',
        showtimeIds: showtimes,
        seatIds,
        authorizations: auth,
      });
      const load = loadAverage();
      const m = cannonMetrics(
        await cannon({
          url,
          connections: opts.connections,
          duration: opts.duration,
          requests: [holds.request],
        }),
      );
      results.hold = {
        ...m,
        loadBefore: load,
        ok: m.statusCodes['201'] === m.requests,
        wrapped: holds.sent() > holds.capacity,
      };
    }
  } finally {
    child.disconnect();
    // keys() applies the prefix to the pattern but answers full names: delete them with a plain client.
    const keys = await redis.keys('*');
    const plain = new Redis({ host: redis.options.host, port: redis.options.port });
    if (keys.length) await plain.del(...keys);
    plain.disconnect();
    redis.disconnect();
  }
  if (opts.json) {
    console.log(JSON.stringify({ machine, options: opts, results }, null, 2));
    return;
  }
  for (const [name, m] of Object.entries(results)) {
    console.log(
      `floor ${name.padEnd(6)}: ${m.rps}/s, p50 ${m.p50} ms, p99 ${m.p99} ms, max ${m.max} ms, ` +
        `${m.requests} requests, non-2xx ${m.requests - m['2xx']}${m.ok ? '' : ' (NOT all as expected)'}` +
        `${m.wrapped ? ' (seats ran out: raise --showtimes)' : ''}; before: ${formatLoad(m.loadBefore)}`,
    );
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();
