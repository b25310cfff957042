import type Redis from 'ioredis';

/** A showtime's sale settings as the queue needs them. */
export interface QueueSettings {
  /** Epoch ms the sale opens (0: already open). */
  onSaleAt: number;
  admissionsPerMinute: number;
}

export interface QueueTimings {
  /** How long an admission lasts once given. */
  admissionMs: number;
  /** A waiting customer not seen (poll, join, stream) for this long loses the place when their turn comes. */
  presenceMs: number;
  /** How long the queue's keys outlive their last write. */
  keyTtlMs: number;
}

export type QueueEntry =
  | { kind: 'none' }
  | { kind: 'waiting'; beforeSale: boolean; position: number; admitAt: number }
  | { kind: 'admitted'; admittedAt: number; expiresAt: number }
  | { kind: 'expired'; at: number };

/**
 * One script does both: admit whoever is due (at most floor((now - onSaleAt) * rate / 60 000) admissions in
 * total, ever; a slot nobody is waiting for is kept only up to `cap`), then answer for one customer. Redis
 * runs it atomically, so any number of gateways can call it concurrently and nobody is admitted twice.
 *
 * Keys: q (zset: waiting customers by place; a random score below 1 for those who joined before the sale,
 * 1 + arrival number after), seen (zset: last sign of life of each waiting customer), admitted (hash:
 * customer -> admittedAt), gone (hash: customer -> when the place was lost), meta (hash: seq, ticks, avail).
 */
const SCRIPT = `
local q, seen, admitted, gone, meta = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local user = ARGV[1]
local now = tonumber(ARGV[2])
local onSaleAt = tonumber(ARGV[3])
local rate = tonumber(ARGV[4])
local presenceMs = tonumber(ARGV[5])
local admissionMs = tonumber(ARGV[6])
local keyTtl = tonumber(ARGV[7])
local join = ARGV[8] == '1'
local random = tonumber(ARGV[9])
local cap = tonumber(ARGV[10])

local ticks = 0
local function admit()
  if now < onSaleAt then return end
  ticks = math.floor((now - onSaleAt) * rate / 60000)
  local done = tonumber(redis.call('HGET', meta, 'ticks') or '0')
  local avail = tonumber(redis.call('HGET', meta, 'avail') or '0')
  if ticks > done then
    avail = math.min(avail + ticks - done, cap)
    redis.call('HSET', meta, 'ticks', ticks)
  else
    ticks = done
  end
  while avail > 0 do
    local popped = redis.call('ZPOPMIN', q, 1)
    if #popped == 0 then break end
    local member = popped[1]
    local last = tonumber(redis.call('ZSCORE', seen, member) or '0')
    redis.call('ZREM', seen, member)
    if last + presenceMs < now then
      redis.call('HSET', gone, member, now)
    else
      redis.call('HSET', admitted, member, now)
      redis.call('HINCRBY', meta, 'admitted', 1)
      avail = avail - 1
    end
  end
  redis.call('HSET', meta, 'avail', avail)
end

local function touch()
  for _, key in ipairs(KEYS) do redis.call('PEXPIRE', key, keyTtl) end
end

local function answer()
  if redis.call('ZSCORE', q, user) then
    redis.call('ZADD', seen, now, user)
    touch()
    return {'waiting', redis.call('ZRANK', q, user), ticks}
  end
  local admittedAt = redis.call('HGET', admitted, user)
  if admittedAt and tonumber(admittedAt) + admissionMs > now then
    touch()
    return {'admitted', admittedAt}
  end
  if admittedAt then return {'expired', tonumber(admittedAt) + admissionMs} end
  local left = redis.call('HGET', gone, user)
  if left then return {'expired', left} end
  return {'none'}
end

admit()
local current = answer()
if not join or current[1] == 'waiting' or current[1] == 'admitted' then return current end
redis.call('HDEL', admitted, user)
redis.call('HDEL', gone, user)
local score
if now < onSaleAt then
  score = random
else
  score = 1 + redis.call('HINCRBY', meta, 'seq', 1)
end
redis.call('ZADD', q, score, user)
redis.call('ZADD', seen, now, user)
admit()
return answer()
`;

type Reply = [string, (string | number)?, (string | number)?];

/** The waiting room of every showtime, in Redis: every gateway serves it and a restart loses nobody. */
export class WaitingRoomStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly timings: QueueTimings,
    private readonly random: () => number = Math.random,
  ) {}

  /** Joins (idempotent: a customer waiting or admitted keeps their place) and answers as `status` does. */
  join(showtimeId: string, userId: string, settings: QueueSettings, now: number): Promise<QueueEntry> {
    return this.run(showtimeId, userId, settings, now, true);
  }

  /** Admits whoever is due, records the customer's sign of life, and answers where they stand. */
  status(showtimeId: string, userId: string, settings: QueueSettings, now: number): Promise<QueueEntry> {
    return this.run(showtimeId, userId, settings, now, false);
  }

  /** How many admissions the showtime has given (for tests and metrics). */
  async admittedCount(showtimeId: string): Promise<number> {
    return Number((await this.redis.hget(this.keys(showtimeId)[4], 'admitted')) ?? 0);
  }

  private async run(
    showtimeId: string,
    userId: string,
    settings: QueueSettings,
    now: number,
    join: boolean,
  ): Promise<QueueEntry> {
    const rate = settings.admissionsPerMinute;
    // Unused slots kept while nobody waits: about ten seconds' worth, so a quiet spell does not become a burst.
    const cap = Math.max(1, Math.ceil(rate / 6));
    const reply = (await this.redis.eval(
      SCRIPT,
      5,
      ...this.keys(showtimeId),
      userId,
      now,
      settings.onSaleAt,
      rate,
      this.timings.presenceMs,
      this.timings.admissionMs,
      this.timings.keyTtlMs,
      join ? '1' : '0',
      // Below 1, never 0 or 1 exactly: places of early arrivals sort before every later arrival's.
      Math.min(Math.max(this.random(), Number.EPSILON), 1 - Number.EPSILON).toFixed(17),
      cap,
    )) as Reply;
    const [kind, a, b] = reply;
    switch (kind) {
      case 'waiting': {
        const position = Number(a) + 1;
        const beforeSale = now < settings.onSaleAt;
        // The customer's turn is the tick `ticks + position` (slots are never left over while anyone waits).
        const tick = Number(b) + position;
        const admitAt = settings.onSaleAt + Math.ceil((tick * 60_000) / rate);
        return { kind, beforeSale, position, admitAt };
      }
      case 'admitted':
        return { kind, admittedAt: Number(a), expiresAt: Number(a) + this.timings.admissionMs };
      case 'expired':
        return { kind, at: Number(a) };
      default:
        return { kind: 'none' };
    }
  }

  private keys(showtimeId: string): [string, string, string, string, string] {
    // One hash tag per showtime: every key of a script lives on one slot should this Redis become a cluster.
    const base = `${this.keyPrefix}waiting-room:{${showtimeId}}:`;
    return [`${base}q`, `${base}seen`, `${base}admitted`, `${base}gone`, `${base}meta`];
  }
}
