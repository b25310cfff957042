import type { seatPb } from '@cinema/contracts';

export interface SeatStatusJson {
  showtimeId: string;
  version: number;
  currency: string;
  seats: { seatId: string; label: string; type: string; status: string; price: number; heldByMe?: true }[];
}

/** API.md's seat status body; `heldByMe` only where true, to keep a big map compact. */
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
      return seat;
    }),
  };
}

/** One Server-Sent Events frame. */
export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
