/**
 * @cinema/seat-map: seat-service's live seat map in Redis, the one part of seat-service that other services
 * may import. seat-service writes the map through SeatMap; the gateway reads it through SeatStatusReader and
 * subscribes to seatChangesChannel. The key layout, the Lua scripts and the rendering of a seat status live
 * here only.
 */
export * from './keys';
export * from './redis';
export * from './status';
export * from './store';
export * from './reader';
export * as seatMapScripts from './scripts';
