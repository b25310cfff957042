import { ApiProperty } from '@nestjs/swagger';

export class PaymentAcceptedDto {
  @ApiProperty({ example: 'c7d9a0b1-2e3f-4a5b-8c6d-7e8f9a0b1c2d' })
  paymentId!: string;

  @ApiProperty({ format: 'uuid' })
  bookingId!: string;

  @ApiProperty({
    enum: ['PROCESSING', 'FAILED'],
    description:
      'PROCESSING: the outcome follows (GET /bookings/{id}?wait=10); FAILED: the processor declined at once',
  })
  status!: string;

  @ApiProperty({
    required: false,
    example: 'card_declined',
    description: 'Only with status FAILED: why the processor declined',
  })
  failureCode?: string;
}

export class WebhookReceivedDto {
  @ApiProperty({ enum: [true] })
  received!: boolean;
}
