import {
  validationError,
  type EventEnvelope,
  type FieldError,
  type PaymentEventData,
} from '@cinema/contracts';

export const WEBHOOK_TYPES = ['payment.succeeded', 'payment.failed', 'refund.succeeded'] as const;
type WebhookType = (typeof WEBHOOK_TYPES)[number];

/**
 * The envelope to publish for a verified webhook: its id becomes the event id (consumers dedupe on it) and
 * createdAt the event time. Undefined for a well-formed webhook of a type nobody handles; a malformed one is
 * a VALIDATION_FAILED.
 */
export function parseWebhook(body: unknown, requestId?: string): EventEnvelope | undefined {
  const fields: FieldError[] = [];
  const obj = isRecord(body) ? body : {};
  if (!isRecord(body)) fields.push({ field: 'body', message: 'The body must be a JSON object' });
  const { id, type, createdAt, data } = obj;
  if (typeof id !== 'string' || !id) fields.push({ field: 'id', message: 'id is required' });
  if (typeof type !== 'string' || !type) fields.push({ field: 'type', message: 'type is required' });
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)))
    fields.push({ field: 'createdAt', message: 'createdAt must be an ISO-8601 time' });
  if (!isRecord(data)) fields.push({ field: 'data', message: 'data must be an object' });
  else {
    if (typeof data.paymentId !== 'string')
      fields.push({ field: 'data.paymentId', message: 'data.paymentId is required' });
    if (typeof data.bookingId !== 'string')
      fields.push({ field: 'data.bookingId', message: 'data.bookingId is required' });
  }
  if (fields.length > 0) throw validationError(fields, 'The webhook is malformed');
  if (!(WEBHOOK_TYPES as readonly string[]).includes(type as string)) return undefined;
  return {
    id: id as string,
    type: type as WebhookType,
    occurredAt: createdAt as string,
    requestId,
    data: data as unknown as PaymentEventData & { refundId: string },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
