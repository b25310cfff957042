import { STATUS_CODES } from 'node:http';
import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiHeader,
  ApiProperty,
  ApiResponse,
  getSchemaPath,
  type HeadersObject,
  type OpenAPIObject,
  type ResponseObject,
} from '@nestjs/swagger';
import { ERROR_STATUS, type ErrorCode } from '@cinema/contracts';
import { errorBody } from '@cinema/http';

/**
 * The response half of the OpenAPI document (`GET /docs-json`): every operation declares its success body
 * with `@ApiSuccess` and its errors with `@ApiErrors`, so a generated client knows what comes back. The
 * error codes are ERROR_STATUS of packages/contracts: the document cannot name a code the gateway does not
 * have, and each status lists exactly the codes the operation can answer with it.
 */

/** Every error code, in the order of ERROR_STATUS. */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export class FieldErrorDto {
  @ApiProperty({ example: 'seatIds.0' })
  field!: string;

  @ApiProperty({ example: 'seatIds.0 must be an id' })
  message!: string;
}

/** The one error body of docs/api.md#errors (ErrorBody of packages/http). */
export class ErrorBodyDto {
  @ApiProperty({ type: 'integer', example: 409, description: 'The HTTP status, repeated' })
  statusCode!: number;

  @ApiProperty({ example: 'Conflict', description: 'The HTTP reason phrase of statusCode' })
  error!: string;

  @ApiProperty({
    enum: ERROR_CODES,
    enumName: 'ErrorCode',
    description: 'Stable and machine-readable (docs/api.md#errors)',
  })
  code!: ErrorCode;

  @ApiProperty({ example: 'These seats are not available' })
  message!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { seatIds: ['6f1c1f9e-6a55-4b52-9d1e-4f3c0a7b2d11'] },
    description:
      'Always present, `{}` when there is nothing to add. VALIDATION_FAILED: `fields` ([{field, message}]); ' +
      'SEATS_UNAVAILABLE: `seatIds`; RATE_LIMITED: `retryAfterSeconds`; UNAVAILABLE: `service` and, when known, ' +
      '`retryAfterSeconds`; INTERNAL: `requestId`.',
  })
  details!: Record<string, unknown>;
}

export const REQUEST_ID_HEADER: HeadersObject = {
  'X-Request-Id': {
    description: "The request's id: the caller's own X-Request-Id if valid, otherwise a fresh UUID",
    schema: { type: 'string' },
  },
};

const RETRY_AFTER = (required: boolean): HeadersObject => ({
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    required,
    schema: { type: 'integer', minimum: 0 },
  },
});

/** One example of each code's answer; Record<ErrorCode, ...> so a new code cannot go without one. */
const EXAMPLES: Record<ErrorCode, { message: string; details?: Record<string, unknown> }> = {
  VALIDATION_FAILED: {
    message: 'The request is not valid',
    details: { fields: [{ field: 'seatIds.0', message: 'seatIds.0 must be an id' }] },
  },
  INVALID_SIGNATURE: { message: 'The webhook signature is missing, wrong or stale' },
  SHOWTIME_STARTED: { message: 'This showtime has already started' },
  INVALID_TICKET: { message: 'This ticket is not one of ours' },
  UNAUTHENTICATED: { message: 'A valid access token is required' },
  INVALID_CREDENTIALS: { message: 'Invalid email or password' },
  INVALID_TOKEN: { message: 'The token is invalid or expired' },
  FORBIDDEN: { message: 'Administrators only' },
  NOT_ADMITTED: {
    message: 'This on-sale has a waiting room: wait for your turn, then hold seats',
    details: { showtimeId: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b' },
  },
  NOT_FOUND: { message: 'Not found' },
  REQUEST_TIMEOUT: { message: 'The request was not received in time' },
  EMAIL_TAKEN: { message: 'This email is already registered' },
  SEATS_UNAVAILABLE: {
    message: 'These seats are not available',
    details: { seatIds: ['6f1c1f9e-6a55-4b52-9d1e-4f3c0a7b2d11'] },
  },
  HOLD_EXPIRED: { message: 'This hold has expired or does not exist; hold the seats again' },
  BOOKING_NOT_PAYABLE: { message: 'This booking cannot be paid' },
  BOOKING_NOT_CANCELLABLE: { message: 'This booking can no longer be cancelled' },
  IDEMPOTENCY_KEY_REUSED: { message: 'This Idempotency-Key was used with another request' },
  IDEMPOTENCY_KEY_IN_USE: { message: 'A request with this Idempotency-Key is still running' },
  SHOWTIME_OVERLAP: { message: 'The room is busy at that time' },
  SHOWTIME_CANCELLED: { message: 'This showtime has been cancelled' },
  SHOWTIME_HAS_SALES: {
    message: 'Seats of this showtime have been held or sold: its price and time are fixed',
  },
  NOT_ON_SALE: {
    message: 'Tickets for this showtime go on sale later',
    details: { onSaleAt: '2026-12-24T18:00:00.000Z' },
  },
  LAYOUT_LOCKED: {
    message: 'Future showtimes in this room have sold seats; its layout cannot change',
    details: { showtimeIds: ['3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b'] },
  },
  RESOURCE_IN_USE: {
    message: 'Future showtimes still use this room',
    details: { showtimeIds: ['3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b'] },
  },
  COMPANION_SEAT_ALONE: {
    message: 'A companion seat can only be held with its accessible seat',
    details: { seatIds: ['6f1c1f9e-6a55-4b52-9d1e-4f3c0a7b2d11'] },
  },
  BOOKING_NOT_REFUNDABLE: { message: 'This booking has nothing left to refund' },
  ALREADY_CHECKED_IN: {
    message: 'This ticket was already scanned',
    details: { checkedInAt: '2026-12-24T19:41:07.000Z', checkedInBy: 'usher@cinema.local' },
  },
  TICKET_NOT_VALID: { message: 'This booking was cancelled', details: { status: 'CANCELLED' } },
  WRONG_SHOWTIME: {
    message: 'This ticket is for another showtime',
    details: {
      showtimeId: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b',
      startsAt: '2026-12-24T20:00:00.000Z',
    },
  },
  CONFLICT: { message: 'A room with this name already exists' },
  PAYLOAD_TOO_LARGE: { message: 'Request body is too large' },
  RATE_LIMITED: { message: 'Too many requests, try again later', details: { retryAfterSeconds: 42 } },
  HEADERS_TOO_LARGE: { message: 'The request line and headers are larger than the server accepts' },
  INTERNAL: {
    message: 'Internal error (request id 0b4c7a55-8d0e-4a43-9f0e-3b7c2f1d9a60)',
    details: { requestId: '0b4c7a55-8d0e-4a43-9f0e-3b7c2f1d9a60' },
  },
  UNAVAILABLE: {
    message: 'A dependency is unavailable, try again shortly',
    details: { service: 'booking-service', retryAfterSeconds: 2 },
  },
};

/**
 * Errors any request can meet, whatever its route: one that cannot be read (an undecodable URL, a body that
 * is not JSON, a bad Idempotency-Key), one too large or too slow, an unexpected failure, a dependency down.
 */
const ALWAYS: ErrorCode[] = [
  'VALIDATION_FAILED',
  'REQUEST_TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'HEADERS_TOO_LARGE',
  'INTERNAL',
  'UNAVAILABLE',
];

/**
 * The error answers of an operation: one response per status, whose body is ErrorBody with `statusCode` and
 * `code` narrowed to what this operation answers with that status, an example per code, `Retry-After`
 * (required with 429, when known with 503) and `X-Request-Id`. The errors of ALWAYS are added to every list.
 */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  const responses = Object.entries(errorResponses(codes)).map(([status, response]) =>
    ApiResponse({
      status: Number(status),
      description: response.description,
      headers: response.headers,
      content: response.content,
    }),
  );
  return applyDecorators(ApiExtraModels(ErrorBodyDto, FieldErrorDto), ...responses);
}

/** The response objects of ApiErrors, by status. */
function errorResponses(codes: ErrorCode[]): Record<number, ResponseObject> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set([...codes, ...ALWAYS])) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<number, ResponseObject> = {};
  for (const [status, list] of [...byStatus.entries()].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: list.join(', '),
      headers: {
        ...REQUEST_ID_HEADER,
        ...(status === 429 ? RETRY_AFTER(true) : status === 503 ? RETRY_AFTER(false) : {}),
      },
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: getSchemaPath(ErrorBodyDto) },
              {
                type: 'object',
                properties: {
                  statusCode: { type: 'integer', enum: [status] },
                  error: { type: 'string', enum: [STATUS_CODES[status] ?? 'Error'] },
                  code: { type: 'string', enum: list },
                },
              },
            ],
          },
          examples: Object.fromEntries(
            list.map((code) => [
              code,
              { summary: code, value: errorBody(code, EXAMPLES[code].message, EXAMPLES[code].details) },
            ]),
          ),
        },
      },
    };
  }
  return responses;
}

export interface SuccessOptions {
  description?: string;
  /** An @Idempotent() operation: a replayed answer carries `Idempotent-Replayed: true`. */
  idempotent?: boolean;
}

/** The success answer of an operation: its status and body class (absent for 204), with `X-Request-Id`. */
export function ApiSuccess(
  status: 200 | 201 | 202 | 204,
  type: Type<unknown> | undefined,
  options: SuccessOptions = {},
): MethodDecorator & ClassDecorator {
  const headers: HeadersObject = { ...REQUEST_ID_HEADER };
  if (options.idempotent) {
    headers['Idempotent-Replayed'] = {
      description: '`true` when this is the replay of the first answer to the same Idempotency-Key',
      schema: { type: 'string', enum: ['true'] },
    };
  }
  return applyDecorators(
    RequestIdHeader(),
    ApiResponse({
      status,
      description: options.description ?? STATUS_CODES[status] ?? 'Success',
      headers,
      ...(type ? { type } : {}),
    }),
  );
}

/** A `text/event-stream` success answer (the body is a stream of frames, described by `example`). */
export function ApiEventStream(description: string, example: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    RequestIdHeader(),
    ApiResponse({
      status: 200,
      description,
      headers: { ...REQUEST_ID_HEADER },
      content: { 'text/event-stream': { schema: { type: 'string' }, example } },
    }),
  );
}

const RequestIdHeader = () =>
  ApiHeader({
    name: 'X-Request-Id',
    required: false,
    description: '1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system',
  });

/**
 * A list answer class (`{items, page, limit, total}` of docs/api.md#conventions) for the given item class,
 * named `name` in the document.
 */
export function ListOf(item: Type<unknown>, name: string): Type<unknown> {
  class List {
    @ApiProperty({ type: [item] })
    items!: unknown[];

    @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
    page!: number;

    @ApiProperty({ type: 'integer', minimum: 1, maximum: 100, example: 20 })
    limit!: number;

    @ApiProperty({ type: 'integer', minimum: 0, example: 1, description: 'All items on every page' })
    total!: number;
  }
  Object.defineProperty(List, 'name', { value: name });
  return List;
}

/**
 * `GET /health` comes from @cinema/observability, shared with the services that serve no document, so its
 * answers are described here: the same report with 200 (all up) or 503 (one down, named with its error), and
 * the errors any request can meet.
 */
export function describeHealth(document: OpenAPIObject): void {
  const operation = document.paths['/health']?.get;
  if (!operation) return;
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.HealthReport = {
    type: 'object',
    required: ['status', 'checks'],
    properties: {
      status: { type: 'string', enum: ['ok', 'error'] },
      checks: {
        type: 'object',
        description: 'One entry per dependency: redis, rabbitmq, each gRPC service, payment-service',
        additionalProperties: {
          type: 'object',
          required: ['status'],
          properties: {
            status: { type: 'string', enum: ['up', 'down'] },
            error: { type: 'string', description: 'Why the check failed' },
          },
        },
      },
    },
    example: { status: 'ok', checks: { redis: { status: 'up' }, 'booking-service': { status: 'up' } } },
  };
  const report = { 'application/json': { schema: { $ref: '#/components/schemas/HealthReport' } } };
  operation.tags = ['operations'];
  operation.parameters = [
    { name: 'X-Request-Id', in: 'header', required: false, schema: { type: 'string' } },
  ];
  operation.responses = {
    200: { description: 'Every dependency is up', headers: { ...REQUEST_ID_HEADER }, content: report },
    ...errorResponses([]),
    503: {
      description: 'A dependency is down: status error, and that check with its error',
      headers: { ...REQUEST_ID_HEADER, ...RETRY_AFTER(false) },
      content: report,
    },
  };
}
