import { join } from 'node:path';
import { credentials, loadPackageDefinition, Metadata, type Client, type ServiceError } from '@grpc/grpc-js';
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
 * A typed unary gRPC client with a deadline on every call and the request id in metadata.
 * Errors come back as DomainError (the service's code, or UNAVAILABLE when the service cannot be reached).
 */
export function createRpcClient<C>(
  service: GrpcServiceName,
  address: string,
  defaults: { timeoutMs?: number } = {},
): PromiseClient<C> & { close(): void } {
  const spec = GRPC_PACKAGES[service];
  const definition = loadSync(join(PROTO_DIR, spec.proto), {
    ...PROTO_LOADER_OPTIONS,
    includeDirs: [PROTO_DIR],
  });
  const pkg = loadPackageDefinition(definition)[spec.package] as Record<
    string,
    new (...args: unknown[]) => Client
  >;
  const Ctor = pkg[spec.service];
  const client = new Ctor(address, credentials.createInsecure(), {
    'grpc.keepalive_time_ms': 30_000,
    'grpc.max_receive_message_length': 16 * 1024 * 1024,
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
