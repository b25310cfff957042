import { Injectable, ValidationPipe, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { validationError, type FieldError } from '@cinema/contracts';
import { parseHoldSeatsBody } from '../seats/hold-body';
import { HoldSeatsDto } from '../seats/seats.dto';

/** Flattens class-validator's tree into docs/api.md's `details.fields` ("card.number", "seatIds.0"). */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const fields: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) {
      const message = error.constraints?.whitelistValidation
        ? `${field} is not an allowed field`
        : messages[0];
      fields.push({ field, message });
    }
    if (error.children?.length) fields.push(...toFieldErrors(error.children, field));
  }
  return fields;
}

const exceptionFactory = (errors: ValidationError[]) => validationError(toFieldErrors(errors));

/** Hand-written checks of hot bodies, each giving exactly what the class-validator run would. */
const FAST_BODIES = new Map<unknown, (body: Record<string, unknown>) => unknown>([
  [HoldSeatsDto, parseHoldSeatsBody],
]);

/**
 * Bodies are strict (unknown fields rejected, docs/api.md); query strings only drop what they do not know, so
 * a cache-buster parameter does not break a page.
 */
@Injectable()
export class GatewayValidationPipe implements PipeTransform {
  private readonly body = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory,
  });
  private readonly query = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: false,
    transform: true,
    transformOptions: { enableImplicitConversion: true },
    exceptionFactory,
  });

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && isDto(metadata)) {
      // A JSON `null` is a body, and not an object; only an absent body counts as empty.
      if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
        throw validationError([{ field: 'body', message: 'The body must be a JSON object' }]);
      }
      const fast = FAST_BODIES.get(metadata.metatype);
      if (fast) return fast((value ?? {}) as Record<string, unknown>);
      return this.body.transform(value ?? {}, metadata);
    }
    if (metadata.type === 'query' && isDto(metadata)) return this.query.transform(value ?? {}, metadata);
    return value;
  }
}

function isDto(metadata: ArgumentMetadata): boolean {
  const type = metadata.metatype;
  return !!type && ![String, Boolean, Number, Array, Object].includes(type as never);
}
