/**
 * Redis Lua scripts of the seat map. Each script declares in KEYS every key it touches, and touches either
 * one showtime's keys (all in the hash slot `{st:<showtimeId>}`) or the sweeper's due index alone, never
 * both: every script runs on a Redis Cluster as on a single Redis. The showtime scripts take the same KEYS
 * (seatMapKeyList), so each decision is one atomic step over every seat it concerns:
 *   KEYS[1] seats  hash seatId -> owner token: `H|<holdId>|<userId>` (live hold), `P|<bookingId>|<userId>`
 *                  (PENDING reservation), `B|<bookingId>|<userId>` (BOOKED); a free seat has no field
 *   KEYS[2] holds  hash holdId -> JSON {u: userId, d: deadline ms, c: bookingId being claimed or '', s: seats}
 *   KEYS[3] exp    sorted set holdId by deadline (ms, Redis clock)
 *   KEYS[4] users  hash userId -> their current holdId (a new hold replaces it)
 *   KEYS[5] ver    change counter, INCR once per published batch
 *   KEYS[6] ready  marker: the reservations of this showtime were loaded from PostgreSQL
 *   KEYS[7] dirty  counter of reservation changes seen while not ready (makes the loader retry)
 * ARGV[1] is the showtime id and ARGV[2] its pub/sub channel (PUBLISH names no key).
 */

import { SEATING_GATE_FIELD } from './keys';

const COMMON = `
local K = {seats = KEYS[1], holds = KEYS[2], exp = KEYS[3], users = KEYS[4], ver = KEYS[5], ready = KEYS[6], dirty = KEYS[7]}
local showtime, channel = ARGV[1], ARGV[2]
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function status_of(tok)
  if not tok then return 'AVAILABLE' end
  if string.sub(tok, 1, 2) == 'B|' then return 'BOOKED' end
  if string.sub(tok, 1, 2) == 'X|' then return 'BLOCKED' end
  return 'HELD'
end
local function publish(changes)
  if #changes == 0 then return redis.call('GET', K.ver) or '0' end
  local v = redis.call('INCR', K.ver)
  redis.call('PUBLISH', channel, '{"showtimeId":' .. cjson.encode(showtime) .. ',"version":' .. v ..
    ',"changes":' .. cjson.encode(changes) .. '}')
  return tostring(v)
end
local function release_hold(id, rec, changes)
  local tok = 'H|' .. id .. '|' .. rec.u
  for _, s in ipairs(rec.s) do
    if redis.call('HGET', K.seats, s) == tok then
      redis.call('HDEL', K.seats, s)
      changes[#changes + 1] = {seatId = s, status = 'AVAILABLE'}
    end
  end
  redis.call('HDEL', K.holds, id)
  redis.call('ZREM', K.exp, id)
  if redis.call('HGET', K.users, rec.u) == id then redis.call('HDEL', K.users, rec.u) end
end
`;

/** The number of KEYS of every showtime script. */
export const SHOWTIME_KEY_COUNT = 7;

/**
 * ARGV: showtime, channel, userId, holdId, ttlMs, n, n pairs (companion seatId, its accessible seatId), seatId...
 * All-or-nothing: either every seat is free (or held by the user's own previous hold, which this hold
 * replaces) and all are held, or nothing changes and the taken seats are returned. A seat blocked for the
 * showtime (BLOCKED_TOKEN) is taken like any other. The pairs name the requested companion seats: each
 * needs its accessible seat in this hold or sold (BOOKED), else nothing changes.
 * Returns {'OK', deadline ms, version, replaced holdId or ''}, {'TAKEN', seatId...},
 * {'COMPANION_ALONE', companion seatId...} or {'NOT_READY'}.
 */
export const HOLD_SEATS = `${COMMON}
if redis.call('EXISTS', K.ready) == 0 then return {'NOT_READY'} end
-- The showtime's prices, time or layout are changing (SEATING_GATE): no hold until the change is applied.
local gate = redis.call('HGET', K.holds, '${SEATING_GATE_FIELD}')
if gate and tonumber(cjson.decode(gate).d) > now_ms() then return {'CHANGING'} end
local user, hold_id, ttl = ARGV[3], ARGV[4], tonumber(ARGV[5])
local companion_pairs = tonumber(ARGV[6])
local FIRST_SEAT = 7 + 2 * companion_pairs
local now = now_ms()
local prev_id = redis.call('HGET', K.users, user)
local prev = nil
if prev_id then
  local raw = redis.call('HGET', K.holds, prev_id)
  if raw then
    prev = cjson.decode(raw)
    if prev.c ~= '' then prev = nil end
  end
end
local prev_tok = prev and ('H|' .. prev_id .. '|' .. user) or false
local taken = {}
for i = FIRST_SEAT, #ARGV do
  local tok = redis.call('HGET', K.seats, ARGV[i])
  if tok and tok ~= prev_tok then taken[#taken + 1] = ARGV[i] end
end
if #taken > 0 then return {'TAKEN', unpack(taken)} end
-- Companion seats: held only with their accessible seat, or once that seat is sold.
if companion_pairs > 0 then
  local in_hold, alone = {}, {}
  for i = FIRST_SEAT, #ARGV do in_hold[ARGV[i]] = true end
  for p = 0, companion_pairs - 1 do
    local companion, accessible = ARGV[7 + 2 * p], ARGV[8 + 2 * p]
    if not in_hold[accessible] then
      local owner = redis.call('HGET', K.seats, accessible)
      if not owner or string.sub(owner, 1, 2) ~= 'B|' then alone[#alone + 1] = companion end
    end
  end
  if #alone > 0 then return {'COMPANION_ALONE', unpack(alone)} end
end
local freed = {}
if prev then release_hold(prev_id, prev, freed) end
local tok = 'H|' .. hold_id .. '|' .. user
local seats, requested, changes = {}, {}, {}
for i = FIRST_SEAT, #ARGV do
  seats[#seats + 1] = ARGV[i]
  requested[ARGV[i]] = true
  redis.call('HSET', K.seats, ARGV[i], tok)
end
for _, c in ipairs(freed) do
  if not requested[c.seatId] then changes[#changes + 1] = c end
end
for _, s in ipairs(seats) do changes[#changes + 1] = {seatId = s, status = 'HELD'} end
local deadline = now + ttl
redis.call('HSET', K.holds, hold_id, cjson.encode({u = user, d = tostring(deadline), c = '', s = seats}))
redis.call('ZADD', K.exp, deadline, hold_id)
redis.call('HSET', K.users, user, hold_id)
local v = publish(changes)
return {'OK', tostring(deadline), v, prev and prev_id or ''}
`;

/** ARGV: showtime, channel, holdId, userId. Frees a live hold of this user at once. */
export const RELEASE_HOLD = `${COMMON}
local hold_id, user = ARGV[3], ARGV[4]
local raw = redis.call('HGET', K.holds, hold_id)
if not raw then return {'GONE'} end
local rec = cjson.decode(raw)
if rec.u ~= user then return {'NOT_OWNER'} end
if rec.c ~= '' then return {'GONE'} end
local changes = {}
release_hold(hold_id, rec, changes)
publish(changes)
local out = {'OK'}
for _, c in ipairs(changes) do out[#out + 1] = c.seatId end
return out
`;

/**
 * ARGV: showtime, channel, limit. Frees holds whose deadline passed. Returns {count, ms until the next
 * deadline or '', that deadline (ms) or '', bookingId...}: the bookings whose claim never finished (the
 * caller checks PostgreSQL for them).
 */
export const SWEEP_EXPIRED = `${COMMON}
local now = now_ms()
local due = redis.call('ZRANGEBYSCORE', K.exp, '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
local changes, unfinished = {}, {}
for _, id in ipairs(due) do
  local raw = redis.call('HGET', K.holds, id)
  if raw then
    local rec = cjson.decode(raw)
    if rec.c ~= '' then unfinished[#unfinished + 1] = rec.c end
    release_hold(id, rec, changes)
  else
    redis.call('ZREM', K.exp, id)
  end
end
publish(changes)
local nxt = redis.call('ZRANGE', K.exp, 0, 0, 'WITHSCORES')
local out = {tostring(#due), '', ''}
if nxt[2] then
  out[2] = tostring(math.max(0, tonumber(nxt[2]) - now))
  out[3] = nxt[2]
end
for _, b in ipairs(unfinished) do out[#out + 1] = b end
return out
`;

/**
 * ARGV: showtime, channel, holdId, userId, bookingId, graceMs.
 * First step of a claim: the hold must be live and this user's. It is marked as being claimed by the
 * booking (so it is neither replaced nor released meanwhile) and the sweeper leaves it alone for graceMs
 * (after that a claim that crashed halfway lets the seats go). Returns {'OK', seat...}.
 */
export const CLAIM_BEGIN = `${COMMON}
local hold_id, user, booking, grace = ARGV[3], ARGV[4], ARGV[5], tonumber(ARGV[6])
local raw = redis.call('HGET', K.holds, hold_id)
if not raw then return {'GONE'} end
local rec = cjson.decode(raw)
if rec.u ~= user then return {'GONE'} end
if rec.c ~= '' and rec.c ~= booking then return {'CLAIMED', rec.c} end
if rec.c == '' then
  local now = now_ms()
  local score = redis.call('ZSCORE', K.exp, hold_id)
  if not score or tonumber(score) <= now then return {'EXPIRED'} end
  rec.c = booking
  redis.call('HSET', K.holds, hold_id, cjson.encode(rec))
  redis.call('ZADD', K.exp, math.max(tonumber(score), now + grace), hold_id)
end
local out = {'OK'}
for _, s in ipairs(rec.s) do out[#out + 1] = s end
return out
`;

/**
 * ARGV: showtime, channel, holdId, bookingId. Undoes CLAIM_BEGIN when PostgreSQL refused the seats: the
 * hold gets its own deadline back, which may be earlier than the one the due index has for the showtime.
 * Returns that deadline (ms), or '' when the hold is not being claimed by this booking.
 */
export const CLAIM_ABORT = `${COMMON}
local hold_id, booking = ARGV[3], ARGV[4]
local raw = redis.call('HGET', K.holds, hold_id)
if not raw then return '' end
local rec = cjson.decode(raw)
if rec.c ~= booking then return '' end
rec.c = ''
redis.call('HSET', K.holds, hold_id, cjson.encode(rec))
redis.call('ZADD', K.exp, tonumber(rec.d), hold_id)
return rec.d
`;

/**
 * ARGV: showtime, channel, holdId or '', token, seatId...
 * Writes durable reservation state (PENDING or BOOKED, as stored in PostgreSQL) onto the seats, dropping
 * the hold that became the reservation. PostgreSQL is the truth, so this overwrites whatever is there.
 */
export const APPLY_RESERVATION = `${COMMON}
local hold_id, tok = ARGV[3], ARGV[4]
if hold_id ~= '' then
  local raw = redis.call('HGET', K.holds, hold_id)
  if raw then
    local rec = cjson.decode(raw)
    redis.call('HDEL', K.holds, hold_id)
    redis.call('ZREM', K.exp, hold_id)
    if redis.call('HGET', K.users, rec.u) == hold_id then redis.call('HDEL', K.users, rec.u) end
  end
end
if redis.call('EXISTS', K.ready) == 0 then
  redis.call('INCR', K.dirty)
  return 'NOT_READY'
end
local changes = {}
for i = 5, #ARGV do
  if redis.call('HGET', K.seats, ARGV[i]) ~= tok then
    redis.call('HSET', K.seats, ARGV[i], tok)
    changes[#changes + 1] = {seatId = ARGV[i], status = status_of(tok)}
  end
end
return publish(changes)
`;

/** ARGV: showtime, channel, bookingId, seatId... Frees the seats still reserved by this booking. */
export const REMOVE_RESERVATION = `${COMMON}
local booking = ARGV[3]
if redis.call('EXISTS', K.ready) == 0 then
  redis.call('INCR', K.dirty)
  return 'NOT_READY'
end
local pending, booked = 'P|' .. booking .. '|', 'B|' .. booking .. '|'
local changes = {}
for i = 4, #ARGV do
  local tok = redis.call('HGET', K.seats, ARGV[i])
  if tok and (string.sub(tok, 1, #pending) == pending or string.sub(tok, 1, #booked) == booked) then
    redis.call('HDEL', K.seats, ARGV[i])
    changes[#changes + 1] = {seatId = ARGV[i], status = 'AVAILABLE'}
  end
end
return publish(changes)
`;

/**
 * ARGV: showtime, channel, dirty counter read before PostgreSQL was queried, then seatId, token pairs.
 * Rebuilds the reservation state after Redis lost it. Refuses ('RETRY') when a reservation changed
 * meanwhile, because the rows read may already be stale.
 */
export const LOAD_RESERVATIONS = `${COMMON}
if redis.call('EXISTS', K.ready) == 1 then return 'OK' end
if (redis.call('GET', K.dirty) or '0') ~= ARGV[3] then return 'RETRY' end
-- Seats blocked for the showtime come with the pairs like reservations; a block lifted since is dropped.
local present = redis.call('HGETALL', K.seats)
for i = 1, #present, 2 do
  if string.sub(present[i + 1], 1, 2) == 'X|' then redis.call('HDEL', K.seats, present[i]) end
end
for i = 4, #ARGV, 2 do redis.call('HSET', K.seats, ARGV[i], ARGV[i + 1]) end
-- A reload may change the map without a published batch: the version moves so that live clients see a gap
-- and resync. A lost counter restarts from the clock (ms), normally far above the versions handed out before.
if redis.call('EXISTS', K.ver) == 0 then redis.call('SET', K.ver, now_ms()) else redis.call('INCR', K.ver) end
redis.call('SET', K.ready, '1')
return 'OK'
`;

/**
 * ARGV: showtime, channel, blocked token, seatId... The whole set of seats blocked for the showtime: seats
 * of the set get the token, seats blocked before and not in the set are freed. All or nothing: a seat of
 * the set that is held or reserved refuses the whole change.
 * Returns {'OK', version}, {'TAKEN', seatId...} or {'NOT_READY'}.
 */
export const SET_BLOCKED = `${COMMON}
if redis.call('EXISTS', K.ready) == 0 then return {'NOT_READY'} end
local blocked_tok = ARGV[3]
local wanted, taken, changes = {}, {}, {}
for i = 4, #ARGV do
  wanted[ARGV[i]] = true
  local tok = redis.call('HGET', K.seats, ARGV[i])
  if tok and tok ~= blocked_tok then taken[#taken + 1] = ARGV[i] end
end
if #taken > 0 then return {'TAKEN', unpack(taken)} end
local present = redis.call('HGETALL', K.seats)
for i = 1, #present, 2 do
  if present[i + 1] == blocked_tok and not wanted[present[i]] then
    redis.call('HDEL', K.seats, present[i])
    changes[#changes + 1] = {seatId = present[i], status = 'AVAILABLE'}
  end
end
for i = 4, #ARGV do
  if redis.call('HGET', K.seats, ARGV[i]) ~= blocked_tok then
    redis.call('HSET', K.seats, ARGV[i], blocked_tok)
    changes[#changes + 1] = {seatId = ARGV[i], status = 'BLOCKED'}
  end
end
return {'OK', publish(changes)}
`;

/**
 * ARGV: showtime, channel, token, ttlMs. Closes the showtime's sale for a change of its prices, time or
 * layout, unless it has sales: a live or unswept hold, or a seat held, reserved or booked (a blocked seat is
 * no sale). Until SEATING_UNGATE with the same token, or ttlMs, HOLD_SEATS answers 'CHANGING'.
 * Returns 'OK', 'SALES', 'BUSY' (another change's gate is closed) or 'NOT_READY'.
 */
export const SEATING_GATE = `${COMMON}
if redis.call('EXISTS', K.ready) == 0 then return 'NOT_READY' end
local token, ttl = ARGV[3], tonumber(ARGV[4])
local now = now_ms()
local raw = redis.call('HGET', K.holds, '${SEATING_GATE_FIELD}')
if raw then
  local gate = cjson.decode(raw)
  if gate.g ~= token and tonumber(gate.d) > now then return 'BUSY' end
end
if redis.call('HLEN', K.holds) > (raw and 1 or 0) then return 'SALES' end
for _, tok in ipairs(redis.call('HVALS', K.seats)) do
  if string.sub(tok, 1, 2) ~= 'X|' then return 'SALES' end
end
redis.call('HSET', K.holds, '${SEATING_GATE_FIELD}',
  cjson.encode({u = '', d = tostring(now + ttl), c = '', s = {}, g = token}))
return 'OK'
`;

/**
 * ARGV: showtime, channel, token, reload ('1' after a seating was changed). Reopens the sale closed by
 * SEATING_GATE with this token. After a change the map is marked not ready, so every reader asks seat-service
 * (which has the new seating) once, and the version jumps by two with an empty batch, so live clients see a
 * gap and take a fresh snapshot. Returns 'OK' or 'GONE' (no gate of this token).
 */
export const SEATING_UNGATE = `${COMMON}
local raw = redis.call('HGET', K.holds, '${SEATING_GATE_FIELD}')
if not raw or cjson.decode(raw).g ~= ARGV[3] then return 'GONE' end
redis.call('HDEL', K.holds, '${SEATING_GATE_FIELD}')
if ARGV[4] == '1' then
  redis.call('DEL', K.ready)
  local v = redis.call('INCRBY', K.ver, 2)
  redis.call('PUBLISH', channel, '{"showtimeId":' .. cjson.encode(showtime) .. ',"version":' .. v .. ',"changes":[]}')
end
return 'OK'
`;

/** ARGV: showtime, channel. One atomic read: {ready 0/1, version, seatId, token, ...}. */
export const READ_STATUS = `${COMMON}
local out = {tostring(redis.call('EXISTS', K.ready)), redis.call('GET', K.ver) or '0'}
local all = redis.call('HGETALL', K.seats)
for i = 1, #all do out[#out + 1] = all[i] end
return out
`;

/**
 * The gateway's read. KEYS: seats, ver, ready (one showtime's). One atomic read: {} while the map is not
 * loaded, else {version, "seatId\ntoken\nseatId\ntoken..."}.
 */
export const READ_SEAT_MAP = `
if redis.call('EXISTS', KEYS[3]) == 0 then return {} end
return {redis.call('GET', KEYS[2]) or '0', table.concat(redis.call('HGETALL', KEYS[1]), '\\n')}
`;

/**
 * The sweeper's due index alone. KEYS[1]: due (sorted set showtimeId by when to look, ms, Redis clock).
 * ARGV: showtime, ms from now. Moves the showtime earlier on the index, to now + ms at the latest: written
 * before a hold is made, so a hold never exists unknown to the index (even if its maker stops right after).
 */
export const DUE_WITHIN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'LT', now + tonumber(ARGV[2]), ARGV[1])
return 'OK'
`;

/**
 * The sweeper's due index alone. KEYS[1]: due. ARGV: limit. Returns {ms until the earliest entry not due yet
 * or '', showtimeId due...}; the times are relative, so the caller's clock never has to agree with Redis'.
 */
export const DUE_SHOWTIMES = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
local nxt = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
local out = {nxt[2] and tostring(tonumber(nxt[2]) - now) or ''}
for _, id in ipairs(due) do out[#out + 1] = id end
return out
`;

/**
 * ARGV: showtime, channel. Closes a cancelled showtime (seat-service recorded it closed in PostgreSQL
 * first): the map stops being ready, so HOLD_SEATS answers NOT_READY and the reload that follows refuses the
 * hold; the dirty counter moves, so a reload that read PostgreSQL before the close retries and sees it.
 * Live holds are released; a hold being claimed is left to its claim (booking-service refuses the booking).
 * Returns the seat ids released.
 */
export const CLOSE_SHOWTIME = `${COMMON}
redis.call('INCR', K.dirty)
redis.call('DEL', K.ready)
local changes = {}
local all = redis.call('HGETALL', K.holds)
for i = 1, #all, 2 do
  local rec = cjson.decode(all[i + 1])
  if rec.c == '' then release_hold(all[i], rec, changes) end
end
publish(changes)
local out = {}
for _, c in ipairs(changes) do out[#out + 1] = c.seatId end
return out
`;
