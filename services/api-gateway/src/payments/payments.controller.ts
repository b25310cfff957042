import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Inject,
  Logger,
  Post,
  Req,
  type RawBodyRequest,
} from '@nestjs/common';
import { ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { DomainError, verifyWebhookSignature } from '@cinema/contracts';
import type { Broker } from '@cinema/messaging';
import { currentRequestId } from '@cinema/observability';
import type { AuthenticatedUser } from '../auth/access-token';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { BOOKING_CLIENT, type BookingClient, BROKER, GATEWAY_CONFIG, rpc } from '../backends/backends';
import type { GatewayConfig } from '../config';
import { ApiErrors, ApiSuccess } from '../http/openapi';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { PayDto } from './payments.dto';
import { PaymentAcceptedDto, WebhookReceivedDto } from './payments.responses';
import { parseWebhook } from './webhook';
import { WebhookDto } from './webhook.dto';

@ApiTags('payment')
@Controller('payment')
export class PaymentsController {
  private readonly logger = new Logger('PaymentsController');

  constructor(
    @Inject(BOOKING_CLIENT) private readonly booking: BookingClient,
    @Inject(BROKER) private readonly broker: Broker,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * One call: booking-service's PayBooking checks the booking, charges the card through the payment service
   * (one charge per Idempotency-Key), records the payment PROCESSING and answers -> 202.
   */
  @Post('pay')
  @HttpCode(202)
  @Authenticated()
  @Idempotent()
  @ApiSuccess(202, PaymentAcceptedDto, { idempotent: true, description: 'Accepted; the outcome comes later' })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_FOUND',
    'BOOKING_NOT_PAYABLE',
    'IDEMPOTENCY_KEY_REUSED',
    'IDEMPOTENCY_KEY_IN_USE',
  )
  async pay(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: PayDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ) {
    const paid = await this.booking.payBooking(
      {
        bookingId: body.bookingId,
        userId: user.id,
        card: { ...body.card },
        idempotencyKey: idempotencyKey ?? '',
      },
      // Longer than booking-service's own bound on the payment service (PAYMENT_SERVICE_TIMEOUT_MS), so its
      // answer (503 UNAVAILABLE with a Retry-After included) arrives rather than a deadline here.
      rpc({ timeoutMs: this.config.payTimeoutMs }),
    );
    return paid.status === 'FAILED'
      ? {
          paymentId: paid.paymentId,
          bookingId: body.bookingId,
          status: paid.status,
          failureCode: paid.failureCode,
        }
      : { paymentId: paid.paymentId, bookingId: body.bookingId, status: paid.status };
  }

  /** Webhook of the payment service: verified over the raw bytes, then handed to RabbitMQ with a confirm. */
  @Post('callback')
  @HttpCode(200)
  @ApiHeader({
    name: 'X-Payment-Signature',
    required: true,
    description:
      't=<unix seconds>,v1=<hex HMAC-SHA256(PAYMENT_WEBHOOK_SECRET, "<t>.<raw body>")> (docs/api.md#webhooks)',
  })
  @ApiBody({ type: WebhookDto })
  @ApiSuccess(200, WebhookReceivedDto, {
    description: 'Stored (or a well-formed event of another type, ignored)',
  })
  @ApiErrors('VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'INVALID_SIGNATURE')
  async callback(@Req() request: RawBodyRequest<FastifyRequest>) {
    const signature = request.headers['x-payment-signature'];
    const secrets = [this.config.webhookSecret, this.config.webhookSecretPrevious].filter(Boolean);
    const valid =
      request.rawBody !== undefined &&
      verifyWebhookSignature(Array.isArray(signature) ? signature[0] : signature, request.rawBody, secrets)
        .ok;
    if (!valid)
      throw new DomainError('INVALID_SIGNATURE', 'The webhook signature is missing, wrong or stale');
    const envelope = parseWebhook(request.body, currentRequestId());
    if (!envelope) {
      this.logger.warn('ignoring a webhook of an unhandled type');
      return { received: true };
    }
    try {
      await this.broker.publish(envelope);
    } catch (error) {
      this.logger.warn(`webhook ${envelope.id} not published: ${(error as Error).message}`);
      throw new DomainError('UNAVAILABLE', 'The event could not be stored, retry later', {
        service: 'rabbitmq',
      });
    }
    return { received: true };
  }
}
