import { join } from 'node:path';
import {
  credentials,
  loadPackageDefinition,
  Metadata,
  type Client,
  type ServiceClientConstructor,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { Observable } from 'rxjs';
import { GRPC_PACKAGES, PROTO_DIR, type GrpcServiceName } from '@cinema/contracts';
import { currentRequestId } from '@cinema/observability';
import { fromGrpcError } from './errors';

/** Options that proto-loader uses on both ends, matching the ts-proto generated types. */
export const PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
} as const;

export interface CallOptions {
  /** Milliseconds until the call is abandoned with DEADLINE_EXCEEDED (default 3 s). */
  timeoutMs?: number;
  /** Defaults to the request id of the current context, so a call made while handling one carries it. */
  requestId?: string;
  /** Cancels the call (CANCELLED) when aborted, e.g. a long poll abandoned by a server shutting down. */
  signal?: AbortSignal;
}

/** The ts-proto client interface with Promises instead of Observables, plus per-call options. */
export type PromiseClient<C> = {
  [K in keyof C]: C[K] extends (request: infer Req, ...rest: never[]) => Observable<infer Res>
    ? (request: Req, opts?: CallOptions) => Promise<Res>
    : never;
};

type UnaryFn = (
  req: unknown,
  md: Metadata,
  opts: { deadline: Date },
  cb: (err: ServiceError | null, res: unknown) => void,
) => { cancel(): void };

/**
 * The grpc-js target of a service address: `host:port` as is, a comma-separated list of replicas
 * (`127.0.0.1:50054,127.0.0.1:50154`) as a static `ipv4:`/`ipv6:` address list, and anything naming its
 * resolver (`dns:///seat-service:50054`, `ipv4:...`) as is.
 */
export function grpcTarget(address: string): string {
  const parts = address
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new Error('a gRPC address is required');
  if (parts.length === 1) return parts[0];
  if (parts.some((p) => p.includes('://') || /^(ipv4|ipv6|dns|unix):/.test(p)))
    throw new Error(`a list of gRPC addresses takes host:port entries only, got "${address}"`);
  const v6 = parts.every((p) => p.startsWith('['));
  if (!v6 && parts.some((p) => p.startsWith('[')))
    throw new Error(`a list of gRPC addresses cannot mix IPv4 and IPv6, got "${address}"`);
  if (!v6 && parts.some((p) => !/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(p)))
    throw new Error(
      `a list of gRPC addresses takes IP:port entries (use dns:/// for names), got "${address}"`,
    );
  return `${v6 ? 'ipv6' : 'ipv4'}:${parts.join(',')}`;
}

/**
 * Channel options of every client: calls spread over all addresses the target resolves to (round_robin,
 * which only picks replicas whose connection is READY, so a dead or hung one drops out), keepalive pings
 * that find a hung replica within seconds, and a short reconnect backoff so a restarted one rejoins soon.
 */
export const CHANNEL_OPTIONS = {
  'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.initial_reconnect_backoff_ms': 250,
  'grpc.max_reconnect_backoff_ms': 5_000,
  'grpc.max_receive_message_length': 16 * 1024 * 1024,
} as const;

/** grpc-js's client class of one of our services, read from its .proto; `.service` is its definition. */
export function grpcServiceClient(service: GrpcServiceName): ServiceClientConstructor {
  const spec = GRPC_PACKAGES[service];
  const definition = loadSync(join(PROTO_DIR, spec.proto), {
    ...PROTO_LOADER_OPTIONS,
    includeDirs: [PROTO_DIR],
  });
  return (loadPackageDefinition(definition)[spec.package] as Record<string, ServiceClientConstructor>)[
    spec.service
  ];
}

/**
 * A typed unary gRPC client with a deadline on every call and the request id in metadata. `address` is one
 * `host:port`, a comma-separated list of replicas, or a grpc-js target (`dns:///name:port`); calls are spread
 * over the replicas that are up (see CHANNEL_OPTIONS).
 * Errors come back as DomainError (the service's code, or UNAVAILABLE when the service cannot be reached).
 */
export function createRpcClient<C>(
  service: GrpcServiceName,
  address: string,
  defaults: { timeoutMs?: number } = {},
): PromiseClient<C> & { close(): void } {
  const Ctor = grpcServiceClient(service);
  const client = new Ctor(grpcTarget(address), credentials.createInsecure(), {
    ...CHANNEL_OPTIONS,
  }) as unknown as Client & Record<string, UnaryFn>;
  const defaultTimeout = defaults.timeoutMs ?? 3_000;
  const cache = new Map<string, unknown>();
  return new Proxy({} as PromiseClient<C> & { close(): void }, {
    get(_target, prop: string | symbol) {
      if (prop === 'close') return () => client.close();
      // Anything that is not an RPC (Nest probing lifecycle hooks, `then` for await) is simply absent.
      if (typeof prop !== 'string') return undefined;
      let fn = cache.get(prop);
      if (!fn) {
        const method = client[prop];
        if (typeof method !== 'function') return undefined;
        fn = (request: unknown, opts: CallOptions = {}) =>
          new Promise((resolve, reject) => {
            const metadata = new Metadata();
            const requestId = opts.requestId ?? currentRequestId();
            if (requestId) metadata.set('x-request-id', requestId);
            const deadline = new Date(Date.now() + (opts.timeoutMs ?? defaultTimeout));
            const { signal } = opts;
            const call = method.call(client, request, metadata, { deadline }, (err, res) => {
              signal?.removeEventListener('abort', cancel);
              if (err) reject(fromGrpcError(err, service));
              else resolve(res);
            });
            function cancel() {
              call.cancel();
            }
            if (signal?.aborted) cancel();
            else signal?.addEventListener('abort', cancel, { once: true });
          });
        cache.set(prop, fn);
      }
      return fn;
    },
  });
}
