/** One seat of a showtime as sold here: its place in the room and its price. */
export interface SeatInfo {
  id: string;
  label: string;
  row: string;
  number: number;
  type: string;
  price: number;
  blocked: boolean;
  /** A COMPANION seat: the ACCESSIBLE seat it belongs to. */
  companionOf?: string;
  x: number;
  y: number;
}

/** The immutable seating of one showtime, cached in process. */
export interface Seating {
  showtimeId: string;
  roomId: string;
  startsAt: Date;
  currency: string;
  seats: SeatInfo[];
  byId: Map<string, SeatInfo>;
}

export function buildSeating(
  head: { showtimeId: string; roomId: string; startsAt: Date; currency: string },
  seats: SeatInfo[],
): Seating {
  const sorted = [...seats].sort((a, b) => a.y - b.y || a.x - b.x || a.label.localeCompare(b.label));
  return { ...head, seats: sorted, byId: new Map(sorted.map((s) => [s.id, s])) };
}
