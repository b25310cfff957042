import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatMapKeys, seatMapMasters, type SeatMapRedis } from '@cinema/seat-map';
import { REDIS_CLUSTER_NODES, seatDescribe, seatMapRedis, testRedis } from './support';

/** The other tests of this folder prove the seat map on whichever Redis this checks they really ran on. */
describe.skipIf(seatMapRedis.skip)(seatDescribe('the Redis the seat map runs on'), () => {
  let redis: SeatMapRedis;

  beforeAll(() => {
    redis = testRedis();
  });

  afterAll(() => {
    redis?.disconnect();
  });

  it('is a Redis Cluster of 3 masters that refuses a script reaching past its keys, in the cluster run', async () => {
    if (!REDIS_CLUSTER_NODES) {
      expect(redis).not.toBeInstanceOf(Cluster);
      return;
    }
    expect(redis).toBeInstanceOf(Cluster);
    await redis.ping();
    expect(seatMapMasters(redis)).toHaveLength(3);
    // What every seat map script avoids: a key it did not declare, of another showtime (another slot).
    const [declared, other] = ['a', 'b'].map((id) => seatMapKeys('test:cluster:', id).ready);
    let stranger = other;
    for (
      let i = 0;
      (await redis.cluster('KEYSLOT', stranger)) === (await redis.cluster('KEYSLOT', declared));
      i++
    )
      stranger = seatMapKeys('test:cluster:', `b${i}`).ready;
    await expect(redis.eval("return redis.call('GET', ARGV[1])", 1, declared, stranger)).rejects.toThrow();
  });
});
