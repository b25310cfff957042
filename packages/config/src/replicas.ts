import { GRPC_SERVICES, SERVICE_DATABASES, SERVICES, type ServiceName } from './topology';

/**
 * Where N replicas of every service listen on one machine, and what stands before them: the one layout
 * `npm start -- --replicas N` (scripts/start.mjs) and the fault tests (e2e/cluster.ts) both run.
 *
 * Replica r (0-based) of a gRPC service listens on its base ports + step × r. The gateway and
 * payment-service keep their base ports for HAProxy and, with replicas, listen at base + step × (r + 1).
 */
export interface ReplicaLayout {
  replicas: number;
  /** REPLICA_PORT_STEP: the distance between two replicas' ports. */
  step: number;
}

/** One process to run. */
export interface ServiceInstance {
  name: ServiceName;
  /** `seat-service`, or `seat-service#2` with replicas. */
  label: string;
  /** The port answering GET /health. */
  health: number;
  /** What it listens on, for printing. */
  ports: string;
  /** What this process gets on top of the shared environment. */
  env: Record<string, string>;
}

type Env = Record<string, string | undefined>;

const DEFAULT_GATEWAY_PORT = 3005;
const DEFAULT_GATEWAY_METRICS_PORT = 9150;
const DEFAULT_PAYMENT_PORT = 3006;

const portOf = (env: Env, name: string, fallback: number) => Number(env[name] || fallback);

/** The base (load balancer) ports of the HTTP front doors. */
export function frontPorts(env: Env): { gateway: number; gatewayMetrics: number; payment: number } {
  return {
    gateway: portOf(env, 'API_GATEWAY_PORT', DEFAULT_GATEWAY_PORT),
    gatewayMetrics: portOf(env, 'API_GATEWAY_METRICS_PORT', DEFAULT_GATEWAY_METRICS_PORT),
    payment: portOf(env, 'PAYMENT_SERVICE_PORT', DEFAULT_PAYMENT_PORT),
  };
}

function instance(
  env: Env,
  name: ServiceName,
  r: number,
  { replicas, step }: ReplicaLayout,
): ServiceInstance {
  const label = replicas > 1 ? `${name}#${r + 1}` : name;
  const grpc = GRPC_SERVICES[name];
  if (grpc) {
    const grpcPort = portOf(env, `${grpc.env}_PORT`, grpc.grpc) + step * r;
    const httpPort = portOf(env, `${grpc.env}_HTTP_PORT`, grpc.http) + step * r;
    return {
      name,
      label,
      health: httpPort,
      ports: `grpc ${grpcPort}, ops ${httpPort}`,
      env: { [`${grpc.env}_PORT`]: String(grpcPort), [`${grpc.env}_HTTP_PORT`]: String(httpPort) },
    };
  }
  const front = frontPorts(env);
  // Behind the load balancer only, on loopback.
  const behind: Record<string, string> = replicas > 1 ? { BIND_HOST: '127.0.0.1' } : {};
  if (name === 'payment-service') {
    const p = replicas > 1 ? front.payment + step * (r + 1) : front.payment;
    return {
      name,
      label,
      health: p,
      ports: `http ${p}`,
      env: { PAYMENT_SERVICE_PORT: String(p), ...behind },
    };
  }
  const p = replicas > 1 ? front.gateway + step * (r + 1) : front.gateway;
  const metrics = front.gatewayMetrics + step * r;
  return {
    name,
    label,
    health: p,
    ports: `http ${p}, metrics ${metrics}`,
    env: {
      API_GATEWAY_PORT: String(p),
      API_GATEWAY_METRICS_PORT: String(metrics),
      // The load balancer alone sets X-Forwarded-For, which the gateway then trusts.
      ...(replicas > 1 ? { ...behind, TRUST_PROXY: env.TRUST_PROXY || 'true' } : {}),
    },
  };
}

/** Every process of the system, in start order. */
export function serviceInstances(env: Env, layout: ReplicaLayout): ServiceInstance[] {
  return SERVICES.flatMap((name) =>
    Array.from({ length: layout.replicas }, (_, r) => instance(env, name, r, layout)),
  );
}

/**
 * `<SERVICE>_URL` of every gRPC service as the list of its replicas, so each client spreads its calls over
 * them (round_robin). Variables the operator set are kept.
 */
export function replicaUrls(env: Env, instances: ServiceInstance[]): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [name, grpc] of Object.entries(GRPC_SERVICES)) {
    const key = `${grpc.env}_URL`;
    urls[key] =
      env[key] ||
      instances
        .filter((i) => i.name === name)
        .map((i) => `127.0.0.1:${i.env[`${grpc.env}_PORT`]}`)
        .join(',');
  }
  return urls;
}

/** What HAProxy balances: the gateways and the payment-services, each group on its base port. */
export function balancedFrontends(
  env: Env,
  instances: ServiceInstance[],
): { name: string; bind: { host: string; port: number }; healthPath: string; servers: BalancedServer[] }[] {
  const front = frontPorts(env);
  const servers = (name: ServiceName): BalancedServer[] =>
    instances
      .filter((i) => i.name === name)
      .map((i, r) => ({ name: `r${r + 1}`, host: '127.0.0.1', port: i.health }));
  return [
    {
      name: 'gateway',
      bind: { host: env.BIND_HOST || '0.0.0.0', port: front.gateway },
      // Whether this gateway serves, not whether everything behind it is up (that is /health): a slow
      // dependency must not take every gateway out of the balancer and cut their connections.
      healthPath: '/',
      servers: servers('api-gateway'),
    },
    {
      name: 'payment',
      bind: { host: env.BIND_HOST || '127.0.0.1', port: front.payment },
      healthPath: '/health',
      servers: servers('payment-service'),
    },
  ];
}

export interface BalancedServer {
  name: string;
  host: string;
  port: number;
}

export interface PooledDatabase {
  name: string;
  host: string;
  port: number;
  /** The most server connections PostgreSQL gives this database, however many replicas use it. */
  poolSize: number;
}

/**
 * PgBouncer before every service database: the databases it serves, the accounts that log in, and the
 * variables that send ordinary queries through it (`<PREFIX>_DB_HOST/PORT`) while LISTEN, database creation
 * and migrations keep going to PostgreSQL directly (`<PREFIX>_DB_DIRECT_HOST/PORT`).
 */
export function pooledDatabases(
  env: Env,
  pgbouncerPort: number,
): { databases: PooledDatabase[]; users: { user: string; password: string }[]; env: Record<string, string> } {
  const databases: PooledDatabase[] = [];
  const users = new Map<string, string>();
  const vars: Record<string, string> = {};
  for (const [prefix, defaultName] of Object.entries(SERVICE_DATABASES)) {
    const host = env[`${prefix}_DB_HOST`] || '127.0.0.1';
    const port = Number(env[`${prefix}_DB_PORT`] || 5432);
    users.set(env[`${prefix}_DB_USERNAME`] || 'postgres', env[`${prefix}_DB_PASSWORD`] || '');
    // saga-orchestrator's consumer keeps a transaction open per message in flight; the others hold theirs
    // for a few statements.
    const poolSize = Number(
      env[`${prefix}_DB_SERVER_POOL_SIZE`] || (prefix === 'SAGA_ORCHESTRATOR' ? 10 : 5),
    );
    databases.push({ name: env[`${prefix}_DB_NAME`] || defaultName, host, port, poolSize });
    vars[`${prefix}_DB_DIRECT_HOST`] = env[`${prefix}_DB_DIRECT_HOST`] || host;
    vars[`${prefix}_DB_DIRECT_PORT`] = env[`${prefix}_DB_DIRECT_PORT`] || String(port);
    vars[`${prefix}_DB_HOST`] = '127.0.0.1';
    vars[`${prefix}_DB_PORT`] = String(pgbouncerPort);
  }
  return { databases, users: [...users].map(([user, password]) => ({ user, password })), env: vars };
}
