// The message both sides of every primitive exchange: a seat hold, as small as the real one.
import { randomUUID } from 'node:crypto';

export const PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};
export const PROTO = `syntax = "proto3";
package hopcost;
service Echo { rpc Hold (HoldRequest) returns (HoldReply); }
message HoldRequest { string showing_id = 1; repeated string seat_ids = 2; string customer_id = 3; }
message HoldReply { string hold_id = 1; string status = 2; int64 expires_at = 3; repeated string seat_ids = 4; }
`;

export const holdRequest = () => ({
  showingId: randomUUID(),
  seatIds: [randomUUID(), randomUUID()],
  customerId: randomUUID(),
});
export const holdReply = (req) => ({
  holdId: randomUUID(),
  status: 'HELD',
  expiresAt: Date.now() + 600_000,
  seatIds: req?.seatIds ?? [],
});
