import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { useLeanAsyncResourceBind } from './async-resource-bind';

describe('useLeanAsyncResourceBind', () => {
  useLeanAsyncResourceBind();
  const store = new AsyncLocalStorage<string>();

  it('runs the bound function in the async context it was bound in, wherever it is called', async () => {
    const bound = store.run('bound here', () => AsyncResource.bind(() => store.getStore()));
    expect(store.run('called here', bound)).toBe('bound here');
    expect(await new Promise((resolve) => setImmediate(() => resolve(bound())))).toBe('bound here');
  });

  it("passes the caller's this and arguments, or the thisArg it was bound with", () => {
    function describeCall(this: unknown, a: number, b: number) {
      return { self: this, sum: a + b };
    }
    const caller = { name: 'caller' };
    const bound = AsyncResource.bind(describeCall);
    expect(bound.call(caller, 1, 2)).toEqual({ self: caller, sum: 3 });
    const fixed = { name: 'fixed' };
    expect(AsyncResource.bind(describeCall, undefined, fixed).call(caller, 2, 3)).toEqual({
      self: fixed,
      sum: 5,
    });
  });

  it('keeps the length of the function and drops the deprecated asyncResource accessor', () => {
    const bound = new AsyncResource('test').bind((a: number, b: number) => a + b);
    expect(bound.length).toBe(2);
    expect(Object.getOwnPropertyDescriptor(bound, 'asyncResource')).toBeUndefined();
    expect(() => new AsyncResource('test').bind('not a function' as never)).toThrow(TypeError);
  });
});
