// HAProxy and PgBouncer for `npm start -- --replicas N`: each gets a generated config in a directory of its
// own and runs in the foreground as a child of the caller, which stops it with stop().
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, chownSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The absolute path of a program on PATH or in the sbin directories Debian installs daemons to. */
export function findProgram(name) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** Why `name` cannot run here and how to install it, or undefined when it can. */
export function missingProgram(name) {
  return findProgram(name)
    ? undefined
    : `${name} is not installed (Debian/Ubuntu: apt-get install -y ${name}; macOS: brew install ${name})`;
}

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Runs `program args` until stop(); resolves once `port` accepts connections, rejects with the program's
 * output if it exits first or is not listening within `timeoutMs`.
 */
async function runDaemon({ name, program, args, port, host = '127.0.0.1', spawnOptions = {}, dir, log }) {
  const output = [];
  const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
  const keep = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      log?.(line);
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  const exit = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolve(signal ?? code);
    }),
  );
  child.once('error', (error) => keep(Buffer.from(error.message)));
  const stop = async () => {
    if (!exited) {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.kill('SIGTERM');
      await exit;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  while (!exited && !(await reachable(host === '0.0.0.0' ? '127.0.0.1' : host, port))) {
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (exited || Date.now() > deadline) {
    await stop();
    throw new Error(
      `${name} did not start listening on ${host}:${port}${exited ? ' (it exited)' : ''}:\n${output.join('\n')}`,
    );
  }
  return { child, pid: child.pid, port, exit, stop, output };
}

/** How long HAProxy keeps a client's idle connection open. */
const KEEP_ALIVE_SECONDS = 10;

/**
 * HAProxy in HTTP mode: one frontend per entry of `frontends`, each balancing over its servers with a health
 * check on `healthPath`. Tuned for server-sent events: no buffering (HAProxy streams bodies), an hour of idle
 * for client, server and tunnel, and the sessions of a server marked down closed at once so their clients
 * reconnect to one that is up. A connection refused by a server is retried on another (`retries` +
 * `redispatch`); a request a server already received is never sent twice. The client's address reaches the
 * servers in X-Forwarded-For, replacing whatever the client sent there.
 */
export function haproxyConfig({ frontends }) {
  const lines = [
    // No log target: HAProxy prints its own warnings (a server going DOWN or UP) on stderr.
    'global',
    '',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 1h',
    '  timeout server 1h',
    '  timeout tunnel 1h',
    '  timeout http-request 15s',
    `  timeout http-keep-alive ${KEEP_ALIVE_SECONDS}s`,
    '  timeout queue 10s',
    // A busy server answers a check late rather than not at all; three missed checks mark it down.
    '  timeout check 3s',
    '  retries 3',
    '  option redispatch 1',
    '',
  ];
  for (const f of frontends) {
    lines.push(
      `frontend ${f.name}`,
      `  bind ${f.bind.host}:${f.bind.port}`,
      '  http-request set-header X-Forwarded-For %[src]',
      // The services announce how long they keep an idle connection (Keep-Alive: timeout=72); the client's
      // connection is HAProxy's, which closes it after `timeout http-keep-alive`. Passing the services'
      // figure on made clients reuse connections HAProxy had already closed ("other side closed").
      `  http-response set-header Keep-Alive timeout=${KEEP_ALIVE_SECONDS - 1}`,
      `  default_backend ${f.name}_servers`,
      '',
      `backend ${f.name}_servers`,
      '  balance roundrobin',
      '  option http-no-delay',
      `  option httpchk GET ${f.healthPath}`,
      '  http-check expect status 200',
      '  default-server inter 1s fastinter 300ms downinter 1s fall 3 rise 2 on-marked-down shutdown-sessions',
      ...f.servers.map((s) => `  server ${s.name} ${s.host}:${s.port} check`),
      '',
    );
  }
  return lines.join('\n');
}

export async function startHaproxy({ frontends, log }) {
  const program = findProgram('haproxy');
  if (!program) throw new Error(missingProgram('haproxy'));
  const dir = mkdtempSync(join(tmpdir(), 'cinema-haproxy-'));
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, haproxyConfig({ frontends }));
  const check = spawnSync(program, ['-c', '-q', '-f', file], { encoding: 'utf8' });
  if (check.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`haproxy refused its generated config:\n${check.stdout}${check.stderr}`);
  }
  const first = frontends[0];
  // -db: in the foreground, as our child; -W is not used, so SIGTERM stops it at once.
  return runDaemon({
    name: 'haproxy',
    program,
    args: ['-db', '-f', file],
    port: first.bind.port,
    host: first.bind.host,
    dir,
    log,
  });
}

function postgresAccount() {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

const quote = (value) => `"${String(value).replace(/"/g, '""')}"`;

/**
 * PgBouncer in transaction pooling mode on `host:port`, before the `databases` given as
 * `{ name, host, port, poolSize }`: each database gets at most `poolSize` server connections however many
 * clients it has. `users` ({ user, password }) may log in; with no passwords it trusts its loopback clients
 * as PostgreSQL here does, otherwise it asks for SCRAM. Started as the postgres account when run as root
 * (PgBouncer refuses root).
 */
export function pgbouncerConfig({ host, port, dir, databases, users }) {
  const auth = users.some((u) => u.password) ? 'scram-sha-256' : 'trust';
  return {
    ini: [
      '[databases]',
      ...databases.map(
        (d) =>
          `${d.name} = host=${d.host} port=${d.port} dbname=${d.name} pool_size=${d.poolSize} max_db_connections=${d.poolSize}`,
      ),
      '',
      '[pgbouncer]',
      `listen_addr = ${host}`,
      `listen_port = ${port}`,
      `unix_socket_dir = ${dir}`,
      `auth_type = ${auth}`,
      `auth_file = ${join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 2000',
      'default_pool_size = 5',
      'reserve_pool_size = 0',
      'server_idle_timeout = 60',
      'query_wait_timeout = 60',
      'ignore_startup_parameters = extra_float_digits',
      'log_connections = 0',
      'log_disconnections = 0',
      'log_pooler_errors = 1',
      '',
    ].join('\n'),
    userlist: `${users.map((u) => `${quote(u.user)} ${quote(u.password ?? '')}`).join('\n')}\n`,
  };
}

export async function startPgBouncer({ host = '127.0.0.1', port, databases, users, log }) {
  const program = findProgram('pgbouncer');
  if (!program) throw new Error(missingProgram('pgbouncer'));
  const dir = mkdtempSync(join(tmpdir(), 'cinema-pgbouncer-'));
  const { ini, userlist } = pgbouncerConfig({ host, port, dir, databases, users });
  const file = join(dir, 'pgbouncer.ini');
  writeFileSync(file, ini);
  writeFileSync(join(dir, 'userlist.txt'), userlist, { mode: 0o600 });
  const spawnOptions = {};
  if (process.getuid?.() === 0) {
    const account = postgresAccount();
    if (!account) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error('pgbouncer refuses to run as root and there is no postgres account to run it as');
    }
    for (const f of [dir, file, join(dir, 'userlist.txt')]) chownSync(f, account.uid, account.gid);
    chmodSync(dir, 0o700);
    Object.assign(spawnOptions, account);
  }
  return runDaemon({ name: 'pgbouncer', program, args: [file], port, host, spawnOptions, dir, log });
}
