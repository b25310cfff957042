import { AsyncResource } from 'node:async_hooks';

/**
 * Node 20's `AsyncResource.prototype.bind` gives every bound function an `asyncResource` accessor made of two
 * fresh `util.deprecate` wrappers (DEP0172). Defining accessors of new functions on each call costs ~20-40 µs
 * per bind on this box, and a hold binds four times (Fastify's body parser, Nest's interceptor chain twice,
 * the http2 stream of the gRPC call): about a tenth of the gateway's CPU per hold. This replaces it with the
 * same binding (the resource's async scope, `this` passed through, the same `length`) without the deprecated
 * accessor, which nothing here reads. A Node that no longer defines the accessor keeps its own bind.
 */
export function useLeanAsyncResourceBind(): void {
  const probe = Object.getOwnPropertyDescriptor(
    AsyncResource.bind(() => undefined),
    'asyncResource',
  );
  if (!probe?.get) return;
  AsyncResource.prototype.bind = function bind<F extends (...args: unknown[]) => unknown>(
    this: AsyncResource,
    fn: F,
    thisArg?: unknown,
  ): F {
    if (typeof fn !== 'function') throw new TypeError('The "fn" argument must be of type function');
    const run = this.runInAsyncScope.bind(this);
    const bound =
      thisArg === undefined
        ? function (this: unknown, ...args: unknown[]) {
            return run(fn, this, ...args);
          }
        : (...args: unknown[]) => run(fn, thisArg, ...args);
    Object.defineProperty(bound, 'length', { configurable: true, value: fn.length });
    return bound as F;
  };
}
