import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { BookingSeatDto } from '../bookings/bookings.responses';

export class TicketDto {
  @ApiProperty({ format: 'uuid' })
  bookingId!: string;

  @ApiProperty({ example: 'K7M2Q9XA', description: 'The short human code, for the box office' })
  ticketCode!: string;

  @ApiProperty({
    description:
      'base64url(payload JSON).base64url(Ed25519 signature): what the QR code holds; verify it with GET /tickets/keys',
    example: 'eyJ2IjoxLCJrIjoiYUJjRGVGZ0giLCJiIjoiLi4uIn0.c2lnbmF0dXJl',
  })
  ticket!: string;

  @ApiProperty({
    description: 'The QR code of `ticket`, an SVG document',
    example: '<svg xmlns="http://www.w3.org/2000/svg" ...',
  })
  qrSvg!: string;
}

export class TicketKeyDto {
  @ApiProperty({ example: 'aBcDeFgH', description: 'Key id: the `k` of a ticket payload' })
  kid!: string;

  @ApiProperty({ enum: ['Ed25519'] })
  alg!: string;

  @ApiProperty({ description: 'The raw 32-byte public key, base64url' })
  publicKey!: string;

  @ApiProperty({ description: 'The same key as an SPKI PEM' })
  pem!: string;
}

export class TicketKeysDto {
  @ApiProperty({ type: [TicketKeyDto] })
  keys!: TicketKeyDto[];
}

export class CheckInShowtimeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ example: 'Dune: Part Two' })
  movieTitle!: string;

  @ApiProperty({ example: 'Cinema Central' })
  theaterName!: string;

  @ApiProperty({ example: 'Room 1' })
  roomName!: string;
}

/** A booked seat as the door shows it: no price. */
export class CheckInSeatDto extends OmitType(BookingSeatDto, ['price'] as const) {}

export class CheckInResultDto {
  @ApiProperty({ format: 'uuid' })
  bookingId!: string;

  @ApiProperty({ example: 'K7M2Q9XA' })
  ticketCode!: string;

  @ApiProperty({ type: CheckInShowtimeDto })
  showtime!: CheckInShowtimeDto;

  @ApiProperty({ type: [CheckInSeatDto] })
  seats!: CheckInSeatDto[];

  @ApiProperty({ format: 'date-time' })
  checkedInAt!: string;

  @ApiProperty({ format: 'uuid', description: 'The usher or admin who scanned it' })
  checkedInBy!: string;

  @ApiPropertyOptional({ example: 'Door 2' })
  gate?: string;
}
