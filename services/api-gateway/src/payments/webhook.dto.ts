import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The webhook's body for the OpenAPI document only: the signature is checked over the raw bytes first, then
 * parseWebhook (webhook.ts) is the one check of the body.
 */
export class WebhookDataDto {
  @ApiProperty({ example: 'c7d9a0b1-2e3f-4a5b-8c6d-7e8f9a0b1c2d' })
  paymentId!: string;

  @ApiProperty({ example: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' })
  bookingId!: string;

  @ApiPropertyOptional({ type: 'integer', example: 2400, description: 'Cents' })
  amount?: number;

  @ApiPropertyOptional({ example: 'USD' })
  currency?: string;

  @ApiPropertyOptional({ description: 'payment.failed', example: 'card_declined' })
  failureCode?: string;

  @ApiPropertyOptional({ description: 'refund.succeeded' })
  refundId?: string;
}

export class WebhookDto {
  @ApiProperty({ description: 'The event id: the same id delivered twice has one effect' })
  id!: string;

  @ApiProperty({
    example: 'payment.succeeded',
    description:
      'payment.succeeded, payment.failed or refund.succeeded; another type is acknowledged and ignored',
  })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: WebhookDataDto })
  data!: WebhookDataDto;
}
