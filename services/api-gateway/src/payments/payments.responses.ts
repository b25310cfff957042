import { ApiProperty } from '@nestjs/swagger';

export class PaymentAcceptedDto {
  @ApiProperty({ example: 'c7d9a0b1-2e3f-4a5b-8c6d-7e8f9a0b1c2d' })
  paymentId!: string;

  @ApiProperty({ format: 'uuid' })
  bookingId!: string;

  @ApiProperty({ enum: ['PROCESSING'], description: 'The outcome: GET /bookings/{id}?wait=10' })
  status!: string;
}

export class WebhookReceivedDto {
  @ApiProperty({ enum: [true] })
  received!: boolean;
}
