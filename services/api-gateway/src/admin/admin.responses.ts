import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYMENT_STATUSES } from '@cinema/contracts';
import { BookingDto } from '../bookings/bookings.responses';
import { ListOf } from '../http/openapi';

export class AdminRefundDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'c7d9a0b1-2e3f-4a5b-8c6d-7e8f9a0b1c2d' })
  paymentId!: string;

  @ApiProperty({
    enum: ['PARTIAL', 'FULL'],
    description: 'FULL: all that remained; the booking was cancelled with it',
  })
  kind!: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 500, description: 'Cents' })
  amount!: number;

  @ApiProperty({ example: 'Sound failed during the film' })
  reason!: string;

  @ApiProperty({ enum: ['REQUESTED', 'SUCCEEDED'], description: 'SUCCEEDED once the processor confirmed it' })
  status!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The administrator who asked for it' })
  requestedBy?: string;
}

/** A booking as an administrator sees it. */
export class AdminBookingDto extends BookingDto {
  @ApiPropertyOptional({ example: 'ada@example.com' })
  userEmail?: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 0,
    description: 'Cents refunded or being refunded to the customer for this booking',
  })
  refundedAmount!: number;

  @ApiProperty({ type: [AdminRefundDto], description: 'Refunds an administrator asked for' })
  refunds!: AdminRefundDto[];
}

export const AdminBookingListDto = ListOf(AdminBookingDto, 'AdminBookingListDto');

export class AdminPaymentDto {
  @ApiProperty({ example: 'c7d9a0b1-2e3f-4a5b-8c6d-7e8f9a0b1c2d' })
  paymentId!: string;

  @ApiProperty({ format: 'uuid' })
  bookingId!: string;

  @ApiProperty({ format: 'uuid' })
  showtimeId!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiPropertyOptional({ example: 'ada@example.com' })
  userEmail?: string;

  @ApiProperty({ enum: PAYMENT_STATUSES, example: 'SUCCEEDED' })
  status!: string;

  @ApiPropertyOptional({ example: 'card_declined' })
  failureCode?: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2400, description: "Cents, the booking's price" })
  amount!: number;

  @ApiProperty({ example: 'USD' })
  currency!: string;

  @ApiProperty({ description: 'This payment confirmed its booking' })
  confirmedBooking!: boolean;

  @ApiProperty({ type: [AdminRefundDto], description: 'Refunds an administrator asked for' })
  refunds!: AdminRefundDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export const AdminPaymentListDto = ListOf(AdminPaymentDto, 'AdminPaymentListDto');

export class RefundAcceptedDto {
  @ApiProperty({ type: AdminBookingDto, description: 'CANCELLED after a FULL refund, CONFIRMED otherwise' })
  booking!: AdminBookingDto;

  @ApiProperty({ type: AdminRefundDto })
  refund!: AdminRefundDto;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 1900,
    description: 'Cents that can still be refunded',
  })
  refundableAmount!: number;
}
