import type { seatPb } from '@cinema/contracts';
import { seatMapKeys } from './keys';
import type { SeatMapRedis } from './redis';
import { READ_SEAT_MAP } from './scripts';
import {
  parseSeatOwners,
  renderSeatStatus,
  seatingOf,
  toSeatStatusJson,
  type SeatOwners,
  type ShowtimeSeating,
} from './status';

const COMMAND = 'seatMapReadLive';
const MAX_SHOWTIMES = 2_000;
/** Bodies of seat holders (heldByMe), kept while their map does not change; bounded across showtimes. */
const MAX_PERSONAL_BODIES = 500;

type ReadSeatMap = (seats: string, version: string, ready: string) => Promise<string[]>;

interface LiveView {
  version: number;
  raw: string;
  owners: SeatOwners;
  /** Users holding seats here: only they get a body of their own (heldByMe). */
  holders: Set<string>;
  /** The body for everyone else, serialised once per change. */
  shared: string;
}

export interface SeatStatusBody {
  version: number;
  /** The status body of docs/api.md#seats, serialised. */
  json: string;
}

/**
 * A seat status read without seat-service on the hot path: the seating of a showtime never changes, so it is
 * kept in memory after seat-service's first answer; the live part (who holds what, version) is one Redis
 * script call. When the map is not in Redis (cold showtime, Redis flushed) or Redis fails, seat-service
 * answers (`ask`), and rebuilds the map as it does.
 */
export class SeatStatusReader {
  private readonly seatings = new Map<string, ShowtimeSeating>();
  private readonly views = new Map<string, LiveView>();
  private readonly personal = new Map<string, { view: LiveView; json: string }>();
  private readonly readSeatMap: ReadSeatMap;

  constructor(
    redis: SeatMapRedis,
    /** REDIS_KEY_PREFIX, the one seat-service writes the map under. */
    private readonly keyPrefix: string,
  ) {
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 3, lua: READ_SEAT_MAP });
    const command = (redis as unknown as Record<string, ReadSeatMap>)[COMMAND];
    this.readSeatMap = command.bind(redis);
  }

  /** `ask`: seat-service's GetSeatStatus for this showtime and user. */
  async read(
    showtimeId: string,
    userId: string,
    ask: () => Promise<seatPb.SeatStatusMap>,
  ): Promise<SeatStatusBody> {
    const seating = this.seatings.get(showtimeId);
    const live = seating ? await this.readLive(showtimeId) : null;
    if (!seating || !live) return this.fromSeatService(showtimeId, ask);
    const view = this.view(seating, live.version, live.raw);
    if (!userId || !view.holders.has(userId)) return { version: view.version, json: view.shared };
    const key = `${showtimeId}\n${userId}`;
    let body = this.personal.get(key);
    if (body?.view !== view) {
      body = { view, json: JSON.stringify(renderSeatStatus(seating, view.version, view.owners, userId)) };
      remember(this.personal, key, body, MAX_PERSONAL_BODIES);
    }
    return { version: view.version, json: body.json };
  }

  /** Forgets a showtime's remembered seating (it changed: seatingChangedChannel); the next read asks again. */
  forget(showtimeId: string): void {
    this.seatings.delete(showtimeId);
    this.views.delete(showtimeId);
    for (const key of this.personal.keys()) if (key.startsWith(`${showtimeId}\n`)) this.personal.delete(key);
  }

  private async readLive(showtimeId: string): Promise<{ version: number; raw: string } | null> {
    let reply: string[];
    try {
      const keys = seatMapKeys(this.keyPrefix, showtimeId);
      reply = await this.readSeatMap(keys.seats, keys.version, keys.ready);
    } catch {
      return null;
    }
    if (reply.length < 2) return null;
    return { version: Number(reply[0]), raw: reply[1] };
  }

  private view(seating: ShowtimeSeating, version: number, raw: string): LiveView {
    const current = this.views.get(seating.showtimeId);
    // Keyed by the content as well: a map rebuilt after Redis lost it may restart its version.
    if (current && current.version === version && current.raw === raw) return current;
    const owners = parseSeatOwners(raw);
    const holders = new Set<string>();
    for (const owner of owners.values()) if (owner.status === 'HELD') holders.add(owner.userId);
    const view: LiveView = {
      version,
      raw,
      owners,
      holders,
      shared: JSON.stringify(renderSeatStatus(seating, version, owners, '')),
    };
    remember(this.views, seating.showtimeId, view);
    return view;
  }

  private async fromSeatService(
    showtimeId: string,
    ask: () => Promise<seatPb.SeatStatusMap>,
  ): Promise<SeatStatusBody> {
    const map = await ask();
    if (map.showtimeId === showtimeId && (map.seats ?? []).length > 0)
      remember(this.seatings, showtimeId, seatingOf(map));
    return { version: map.version, json: JSON.stringify(toSeatStatusJson(map)) };
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V, max = MAX_SHOWTIMES): void {
  if (!map.has(key) && map.size >= max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}
