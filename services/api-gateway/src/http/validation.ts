import { Injectable, ValidationPipe, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { validationError, type FieldError } from '@cinema/contracts';

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

/**
 * A body as docs/api.md wants it: a JSON object (an absent body counts as empty; a JSON `null` is a body, and
 * not an object).
 */
export function requireJsonObject(value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw validationError([{ field: 'body', message: 'The body must be a JSON object' }]);
  return value as Record<string, unknown>;
}

/**
 * Bodies are strict (unknown fields rejected, docs/api.md); query strings only drop what they do not know, so
 * a cache-buster parameter does not break a page. A feature with a hand-written check of a hot body types the
 * parameter as an interface (nothing here to validate) and checks it with its own pipe (seats/hold-body.ts).
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
    if (metadata.type === 'body' && isDto(metadata))
      return this.body.transform(requireJsonObject(value), metadata);
    if (metadata.type === 'query' && isDto(metadata)) return this.query.transform(value ?? {}, metadata);
    return value;
  }
}

function isDto(metadata: ArgumentMetadata): boolean {
  const type = metadata.metatype;
  return !!type && ![String, Boolean, Number, Array, Object].includes(type as never);
}
