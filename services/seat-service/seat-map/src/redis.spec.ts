import { describe, expect, it } from 'vitest';
import { parseClusterNodes } from './redis';

describe('REDIS_CLUSTER_NODES', () => {
  it('reads host:port entries, spaces and empty entries aside', () => {
    expect(parseClusterNodes('')).toEqual([]);
    expect(parseClusterNodes(' 10.0.0.1:7000, redis-1.internal:7001,,[::1]:7002 ')).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-1.internal', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
  });

  it('refuses an entry that is not host:port, naming it', () => {
    for (const bad of ['redis-1', ':7000', 'redis-1:', 'redis-1:0', 'redis-1:70000', 'redis-1:7x'])
      expect(() => parseClusterNodes(`127.0.0.1:7000,${bad}`), bad).toThrow(`"${bad}" is not host:port`);
  });
});
