import type { moviePb } from '@cinema/contracts';

export function toMovieJson(movie: moviePb.Movie) {
  return {
    id: movie.id,
    title: movie.title,
    description: movie.description,
    durationMinutes: movie.durationMinutes,
    genres: movie.genres ?? [],
    rating: movie.rating,
    posterUrl: movie.posterUrl,
    releaseDate: movie.releaseDate,
    ...(movie.retiredAt ? { retiredAt: movie.retiredAt } : {}),
  };
}

export function toPricesJson(prices: moviePb.Price[] | undefined): Record<string, number> {
  const result: Record<string, number> = {};
  for (const price of prices ?? []) result[price.seatType] = price.amount;
  return result;
}

export function toPricesPb(prices: Record<string, number>): moviePb.Price[] {
  return Object.entries(prices).map(([seatType, amount]) => ({ seatType, amount }));
}

export function toShowtimeJson(showtime: moviePb.Showtime, seatsAvailable?: number) {
  return {
    id: showtime.id,
    movieId: showtime.movieId,
    theaterId: showtime.theaterId,
    roomId: showtime.roomId,
    startsAt: showtime.startsAt,
    endsAt: showtime.endsAt,
    prices: toPricesJson(showtime.prices),
    currency: showtime.currency,
    seatsAvailable: seatsAvailable ?? showtime.capacity,
    capacity: showtime.capacity,
    status: showtime.status === 'CANCELLED' ? ('CANCELLED' as const) : ('SCHEDULED' as const),
    ...(showtime.onSaleAt ? { onSaleAt: showtime.onSaleAt } : {}),
    ...(showtime.admissionsPerMinute > 0 ? { admissionsPerMinute: showtime.admissionsPerMinute } : {}),
    ...(showtime.cancelledAt ? { cancelledAt: showtime.cancelledAt } : {}),
  };
}

export function toRoomJson(room: moviePb.Room) {
  return {
    id: room.id,
    theaterId: room.theaterId,
    name: room.name,
    capacity: room.capacity,
    ...(room.retiredAt ? { retiredAt: room.retiredAt } : {}),
  };
}

export function toTheaterJson(theater: moviePb.Theater) {
  return {
    id: theater.id,
    name: theater.name,
    address: theater.address,
    city: theater.city,
    rooms: (theater.rooms ?? []).map(toRoomJson),
    ...(theater.retiredAt ? { retiredAt: theater.retiredAt } : {}),
  };
}

export function toLayoutJson(layout: moviePb.RoomLayout) {
  return {
    roomId: layout.roomId,
    rows: (layout.rows ?? []).map((row) => ({
      label: row.label,
      seats: (row.seats ?? []).map((seat) => {
        const json: {
          id: string;
          label: string;
          number: number;
          type: string;
          x: number;
          y: number;
          blocked?: true;
          companionOf?: string;
        } = { id: seat.id, label: seat.label, number: seat.number, type: seat.type, x: seat.x, y: seat.y };
        if (seat.blocked) json.blocked = true;
        if (seat.companionOf) json.companionOf = seat.companionOf;
        return json;
      }),
    })),
  };
}
