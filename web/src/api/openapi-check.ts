// The hand-written shapes of types.ts held against the gateway's OpenAPI document (openapi.d.ts, generated
// by web/scripts/openapi-types.mjs and kept current by e2e/web/admin.test.ts): a field renamed, added as
// required or retyped on either side fails `tsc`.
import type { components } from './openapi';
import type * as Types from './types';

type S = components['schemas'];
/** A and B accept the same values (each is assignable to the other). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** B's values are all A's: the client reads every answer B allows. */
type Reads<A, B> = [B] extends [A] ? true : false;
type Holds<Check extends true> = Check;

export type OpenApiChecks = [
  Holds<Same<Types.User, S['UserDto']>>,
  Holds<Reads<Types.Session, S['SessionDto']>>,
  Holds<Reads<Types.Movie, S['MovieDto']>>,
  Holds<Reads<Types.Showtime, S['ShowtimeDto']>>,
  Holds<Reads<Types.Theater, S['TheaterDto']>>,
  Holds<Reads<Types.Room, S['RoomDto']>>,
  Holds<Reads<Types.Layout, S['RoomLayoutDto']>>,
  Holds<Reads<Types.SeatStatusBody, S['SeatStatusDto']>>,
  Holds<Reads<Types.Hold, S['HoldDto']>>,
  Holds<Reads<Types.Booking, S['BookingDto']>>,
  Holds<Reads<Types.PaymentAccepted, S['PaymentAcceptedDto']>>,
  Holds<Reads<Types.ErrorBody, S['ErrorBodyDto']>>,
  Holds<Same<Types.Card, S['CardDto']>>,
  Holds<Reads<Types.Ticket, S['TicketDto']>>,
  Holds<Reads<Types.WaitingRoom, S['WaitingRoomDto']>>,
];
