import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SEAT_STATUSES, SEAT_TYPES } from '@cinema/contracts';

export class SeatStatusSeatDto {
  @ApiProperty({ format: 'uuid' })
  seatId!: string;

  @ApiProperty({ example: 'A1' })
  label!: string;

  @ApiProperty({ enum: SEAT_TYPES, example: 'STANDARD' })
  type!: string;

  @ApiProperty({ enum: SEAT_STATUSES, example: 'AVAILABLE' })
  status!: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1200, description: 'Cents' })
  price!: number;

  @ApiPropertyOptional({
    enum: [true],
    description: "Only with the caller's token, on the caller's own seats",
  })
  heldByMe?: true;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A COMPANION seat: the ACCESSIBLE seat it belongs to; absent otherwise',
  })
  companionOf?: string;
}

/** `GET /seats/status/:showtimeId`, and the `snapshot` event of the stream. */
export class SeatStatusDto {
  @ApiProperty({ format: 'uuid' })
  showtimeId!: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 7, description: 'Grows by one per change batch' })
  version!: number;

  @ApiProperty({ example: 'USD' })
  currency!: string;

  @ApiProperty({ type: [SeatStatusSeatDto] })
  seats!: SeatStatusSeatDto[];
}

const HOLD_ID = {
  description: 'Opaque; pass it back as it is (today `<showtimeId>.<uuid>`)',
  example: 'b244f411-211f-4654-8a35-3dba7af41f99.76b21e37-eb96-481f-9ce6-a8811659caee',
  maxLength: 128,
};

export class HoldDto {
  @ApiProperty(HOLD_ID)
  holdId!: string;

  @ApiProperty({ format: 'uuid' })
  showtimeId!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  seatIds!: string[];

  @ApiProperty({ format: 'date-time', description: 'Then the seats are AVAILABLE again' })
  expiresAt!: string;
}

export class ReleasedDto {
  @ApiProperty(HOLD_ID)
  holdId!: string;

  @ApiProperty({ type: [String], description: 'The seats released (none for another user’s hold)' })
  released!: string[];
}

export const SEAT_STREAM_EXAMPLE =
  'event: snapshot\n' +
  'data: {"showtimeId":"5a9e1c2d-3b4f-4a6e-8d7c-9b0a1f2e3d4c","version":7,"currency":"USD","seats":[…]}\n\n' +
  'event: seats\n' +
  'data: {"showtimeId":"5a9e1c2d-3b4f-4a6e-8d7c-9b0a1f2e3d4c","version":8,"changes":[{"seatId":"…","status":"HELD"}]}\n\n' +
  ': ping\n\n';
