/**
 * The POST body and headers of hold k of a hold load: seat (k mod seats) of showtime floor(k / seats) as
 * customer (k mod seats), so every (showtime, seat) is distinct and no customer holds twice in one showtime.
 * Past showtimes × seats the sequence wraps (a customer re-holding the seat they already hold, a replace).
 * `request` is the autocannon request whose setupRequest fills in the next hold; `sent()` counts them.
 */
export function distinctHoldsRequest({ path, showtimeIds, seatIds, authorizations }) {
  const perShowtime = seatIds.length;
  const capacity = showtimeIds.length * perShowtime;
  const prefixes = showtimeIds.map((sid) => `{"showtimeId":"${sid}","seatIds":["`);
  let k = 0;
  const request = {
    method: 'POST',
    path,
    setupRequest(req) {
      const i = k++ % capacity;
      const seat = i % perShowtime;
      req.headers = { 'content-type': 'application/json', authorization: authorizations[seat] };
      req.body = `${prefixes[Math.floor(i / perShowtime)]}${seatIds[seat]}"]}`;
      return req;
    },
  };
  return { request, capacity, sent: () => k };
}
