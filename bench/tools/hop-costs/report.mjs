// The table of CPU per operation, and the floor: those prices times what one purchase needs.

// What one purchase needs as the flow is built today (counted in services/*: api-gateway, seat-, booking-,
// payment-service, saga-orchestrator, notification-service). Keep in step with the code.
const PER_PURCHASE = {
  // hold, book, pay, one long-poll GET /bookings/:id, plus the payment service's webhook call
  httpToGateway: 5,
  // booking-service -> payment service (POST /payments, inside PayBooking)
  httpGatewayToPayment: 1,
  // of those 6 requests, the ones whose client is one of our processes (webhook sender, booking-service); the
  // other 4 come from the customer (the load generator) and stay out of the floor
  httpClientsInSystem: 2,
  // hold->seat, book->booking, booking->seat ClaimHold, pay->booking PayBooking, GET->booking, saga->seat
  // ConfirmSeats, saga->booking ConfirmBooking
  grpc: 7,
  // ~14 statements in ~10 transactions across the databases
  pgTransactions: 10,
  pgAutocommit: 4,
  // booking.created, payment.succeeded, booking.confirmed
  amqpMessages: 3,
  emails: 1,
};
const CORES_MS_PER_S = 2000; // 2 cores = 2000 ms of CPU per second

const ms = (v) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(3));

export function printTable(rows, log) {
  const header = [
    'primitive',
    'ops',
    'wall s',
    'ops/s',
    'client',
    'server',
    'pg be',
    'broker',
    'sum',
    'sum min-max',
    'pg aux',
  ];
  const lines = rows.map((r) => {
    if (r.error) return [r.title, 'ERROR', '', '', '', '', '', '', '', '', ''];
    const p = r.result.perOp;
    const sum = (p.client ?? 0) + (p.server ?? 0) + (p.pg ?? 0) + (p.broker ?? 0);
    return [
      r.title,
      String(r.result.n),
      r.result.wallS.toFixed(2),
      String(Math.round(r.result.opsPerS)),
      ms(p.client),
      ms(p.server),
      ms(p.pg),
      ms(p.broker),
      ms(sum),
      `${ms(r.result.sumRange[0])}-${ms(r.result.sumRange[1])}`,
      ms(p.pgAux),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  log('\nCPU ms per operation, by process:');
  log(fmt(header));
  log(fmt(widths.map((w) => '-'.repeat(w))));
  for (const l of lines) log(fmt(l));
  log(
    'client = this process (gRPC/HTTP client, pg Pool, AMQP publisher, nodemailer); server = the child process\n' +
      "(server, AMQP consumer, SMTP sink); pg be = the pool's PostgreSQL backends; broker = RabbitMQ's beam.smp;\n" +
      'sum = client + server + pg be + broker (median of each), min-max = of the rounds; pg aux = checkpointer, bgwriter, walwriter, autovacuum launcher\n' +
      "(server-wide, so other databases' traffic lands there too; not in sum nor floor).",
  );
  for (const r of rows) {
    if (r.error) log(`  ${r.title}: ERROR ${r.error}`);
    else if (r.note) log(`  ${r.title}: ${r.note}`);
  }
}

export function printFloor(rows, log) {
  const by = Object.fromEntries(rows.filter((r) => !r.error).map((r) => [r.id, r.result.perOp]));
  const get = (id, ...keys) => (by[id] ? keys.reduce((s, k) => s + (by[id][k] ?? 0), 0) : undefined);
  const c = PER_PURCHASE;
  const items = [
    [
      'HTTP request, server side',
      c.httpToGateway + c.httpGatewayToPayment,
      get('http-nest', 'server'),
      get('http-bare', 'server'),
    ],
    [
      'HTTP request, client in the system',
      c.httpClientsInSystem,
      get('http-nest', 'client'),
      get('http-bare', 'client'),
    ],
    [
      'gRPC call, client + server',
      c.grpc,
      get('grpc-nest', 'client', 'server'),
      get('grpc-bare', 'client', 'server'),
    ],
    [
      'PG write tx, client + backend',
      c.pgTransactions,
      get('pg-tx', 'client', 'pg'),
      get('pg-tx', 'client', 'pg'),
    ],
    [
      'PG autocommit, client + backend',
      c.pgAutocommit,
      get('pg-autocommit', 'client', 'pg'),
      get('pg-autocommit', 'client', 'pg'),
    ],
    [
      'RabbitMQ msg, pub + cons + broker',
      c.amqpMessages,
      get('amqp', 'client', 'server', 'broker'),
      get('amqp', 'client', 'server', 'broker'),
    ],
    ['email, nodemailer client', c.emails, get('smtp', 'client'), get('smtp', 'client')],
  ];
  const widths = [36, 5, 20, 20];
  const line = (cells) =>
    cells.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
  log('\nFloor: CPU ms per purchase from these primitives alone (counts from the code, PER_PURCHASE):');
  log(line(['hop', 'count', 'as built (Nest)', 'bare libraries']));
  log(line(widths.map((w) => '-'.repeat(w))));
  let nest = 0;
  let bare = 0;
  let missing = false;
  const cell = (unit, count) =>
    unit === undefined ? 'not measured' : `${ms(unit)} x${count} = ${(unit * count).toFixed(2)}`;
  for (const [label, count, n, b] of items) {
    if (n === undefined || b === undefined) missing = true;
    nest += (n ?? 0) * count;
    bare += (b ?? 0) * count;
    log(line([label, String(count), cell(n, count), cell(b, count)]));
  }
  log(line(widths.map((w) => '-'.repeat(w))));
  log(line(['floor, CPU ms per purchase', '', nest.toFixed(2), bare.toFixed(2)]));
  log(
    line([
      'max purchases/s on 2 cores (2000/floor)',
      '',
      String(Math.floor(CORES_MS_PER_S / nest)),
      String(Math.floor(CORES_MS_PER_S / bare)),
    ]),
  );
  if (missing) log('(some primitives were not measured: the floor above is incomplete)');
  const loadGen =
    (c.httpToGateway + c.httpGatewayToPayment - c.httpClientsInSystem) * (get('http-nest', 'client') ?? 0);
  const sink = get('smtp', 'server');
  log(
    `Not in the floor: the customer's side of ${c.httpToGateway + c.httpGatewayToPayment - c.httpClientsInSystem} HTTP requests (load generator, ~${loadGen.toFixed(2)} ms)` +
      `${sink !== undefined ? `, the SMTP sink (${ms(sink)} ms)` : ''}, pg aux processes, and everything` +
      '\nthe services do besides moving bytes: Kysely, handlers, validation, logging, Redis, outbox/inbox polling.',
  );
}
