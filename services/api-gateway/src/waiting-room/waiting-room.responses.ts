import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const WAITING_ROOM_STATES = [
  'NOT_REQUIRED',
  'NOT_JOINED',
  'BEFORE_SALE',
  'WAITING',
  'ADMITTED',
  'EXPIRED',
] as const;
export type WaitingRoomState = (typeof WAITING_ROOM_STATES)[number];

export class AdmissionDto {
  @ApiProperty({ description: 'Send it with holds for this showtime as header X-Admission-Token' })
  token!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

/** `GET|POST /showtimes/:id/waiting-room`, and the `waiting-room` event of its stream. */
export class WaitingRoomDto {
  @ApiProperty({ format: 'uuid' })
  showtimeId!: string;

  @ApiProperty({
    enum: WAITING_ROOM_STATES,
    example: 'WAITING',
    description:
      'NOT_REQUIRED: no waiting room, hold directly. NOT_JOINED: not in the room (POST joins). BEFORE_SALE: ' +
      'joined before onSaleAt; at onSaleAt every early arrival gets a random place. WAITING: in the queue. ' +
      'ADMITTED: `admission` lets the customer hold. EXPIRED: the place was lost (no sign of life when it came ' +
      'up) or the admission ran out; POST joins again at the end.',
  })
  state!: WaitingRoomState;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, example: 42, description: 'WAITING only; 1 is next' })
  position?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 84, description: 'WAITING only' })
  estimatedWaitSeconds?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the sale opens, if it has such a time' })
  onSaleAt?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, example: 60 })
  admissionsPerMinute?: number;

  @ApiPropertyOptional({ type: AdmissionDto, description: 'ADMITTED only' })
  admission?: AdmissionDto;

  @ApiPropertyOptional({
    description:
      'Opens GET /showtimes/:id/waiting-room/stream?ticket=... (an EventSource cannot send a bearer token); ' +
      'short-lived, for this customer and showtime only, good for nothing else',
  })
  streamTicket?: string;
}

export const WAITING_ROOM_STREAM_EXAMPLE =
  'event: waiting-room\n' +
  'data: {"showtimeId":"6f1c2a52-3c8e-4a5e-9a53-3f1b1f2f5e11","state":"WAITING","position":42,"estimatedWaitSeconds":84}\n\n' +
  ': ping\n\n';
