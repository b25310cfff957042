import type { seatPb } from '@cinema/contracts';
import { parseOwnerToken } from './keys';

/** The seat status body of GET /seats/status (docs/api.md#seats). */
export interface SeatStatusJson {
  showtimeId: string;
  version: number;
  currency: string;
  seats: {
    seatId: string;
    label: string;
    type: string;
    status: string;
    price: number;
    heldByMe?: true;
    companionOf?: string;
  }[];
}

/** What an owner token (or its absence) means to a reader: the seat's status and who has it. */
export function seatStateOf(
  token: string | undefined,
  blocked: boolean,
  userId: string,
): { status: 'AVAILABLE' | 'HELD' | 'BOOKED' | 'BLOCKED'; heldByMe: boolean } {
  if (blocked) return { status: 'BLOCKED', heldByMe: false };
  if (!token) return { status: 'AVAILABLE', heldByMe: false };
  const owner = parseOwnerToken(token);
  if (owner.kind === 'X') return { status: 'BLOCKED', heldByMe: false };
  const status = owner.kind === 'B' ? 'BOOKED' : 'HELD';
  return { status, heldByMe: status === 'HELD' && !!userId && owner.userId === userId };
}

/** The status body; `heldByMe` only where true, to keep a big map compact. */
export function toSeatStatusJson(map: seatPb.SeatStatusMap): SeatStatusJson {
  return {
    showtimeId: map.showtimeId,
    version: map.version,
    currency: map.currency,
    seats: (map.seats ?? []).map((s) => {
      const seat: SeatStatusJson['seats'][number] = {
        seatId: s.seatId,
        label: s.label,
        type: s.type,
        status: s.status,
        price: s.price,
      };
      if (s.heldByMe) seat.heldByMe = true;
      if (s.companionOf) seat.companionOf = s.companionOf;
      return seat;
    }),
  };
}

/** What never changes in a showtime's map: its seats in display order, their labels, types and prices. */
export interface ShowtimeSeating {
  showtimeId: string;
  currency: string;
  seats: {
    seatId: string;
    label: string;
    type: string;
    price: number;
    /** Blocked by the room's layout (for good); a seat blocked for the showtime only is in the live owners. */
    blocked: boolean;
    companionOf?: string;
  }[];
}

export function seatingOf(map: seatPb.SeatStatusMap): ShowtimeSeating {
  return {
    showtimeId: map.showtimeId,
    currency: map.currency,
    seats: (map.seats ?? []).map((s) => ({
      seatId: s.seatId,
      label: s.label,
      type: s.type,
      price: s.price,
      blocked: s.status === 'BLOCKED' && !s.blockedForShowtime,
      ...(s.companionOf ? { companionOf: s.companionOf } : {}),
    })),
  };
}

/** Who occupies the seats that are not free: status HELD, BOOKED or BLOCKED, and the user behind it. */
export type SeatOwners = Map<string, { status: 'HELD' | 'BOOKED' | 'BLOCKED'; userId: string }>;

const OWNER_STATUS = { H: 'HELD', P: 'HELD', B: 'BOOKED', X: 'BLOCKED' } as const;

/** Reads owner tokens given as `seatId \n token \n seatId \n token ...` (READ_SEAT_MAP's reply). */
export function parseSeatOwners(raw: string): SeatOwners {
  const owners: SeatOwners = new Map();
  if (!raw) return owners;
  const parts = raw.split('\n');
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const owner = parseOwnerToken(parts[i + 1]);
    owners.set(parts[i], { status: OWNER_STATUS[owner.kind], userId: owner.userId });
  }
  return owners;
}

/** The status body from the immutable seating and the live owners, exactly as seat-service builds it. */
export function renderSeatStatus(
  seating: ShowtimeSeating,
  version: number,
  owners: SeatOwners,
  userId: string,
): SeatStatusJson {
  return {
    showtimeId: seating.showtimeId,
    version,
    currency: seating.currency,
    seats: seating.seats.map((s) => {
      const owner = s.blocked ? undefined : owners.get(s.seatId);
      const seat: SeatStatusJson['seats'][number] = {
        seatId: s.seatId,
        label: s.label,
        type: s.type,
        status: s.blocked ? 'BLOCKED' : (owner?.status ?? 'AVAILABLE'),
        price: s.price,
      };
      if (userId && owner?.status === 'HELD' && owner.userId === userId) seat.heldByMe = true;
      if (s.companionOf) seat.companionOf = s.companionOf;
      return seat;
    }),
  };
}
