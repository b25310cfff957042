import { arrayMaxSize, arrayMinSize, arrayUnique, isArray, isIn, isInt, max, min } from 'class-validator';
import { SEAT_TYPES, isUuid, validationError, type FieldError } from '@cinema/contracts';
import { requireJsonObject } from '../http/validation';
import { HoldSeatsDto } from './seats.dto';

const KNOWN = new Set(['showtimeId', 'seatIds', 'quantity', 'seatType']);
const probe = new HoldSeatsDto() as unknown as Record<string, unknown>;
const seatTypes = SEAT_TYPES as unknown as string[];

/**
 * Keys that never reached class-validator's whitelist check when it validated this body (hold-body.spec.ts
 * keeps that run as the reference): ValidationPipe deleted the prototype-pollution keys, and
 * class-transformer skipped keys that name a function (or getter) of the instance ("toString").
 */
function ignored(key: string): boolean {
  if (key === '__proto__' || key === 'prototype' || key === 'constructor') return true;
  const descriptor = Object.getOwnPropertyDescriptor(HoldSeatsDto.prototype, key);
  return (!!descriptor && !descriptor.set) || probe[key] instanceof Function;
}

/** The first failing constraint, in class-validator's order (the decorators bottom-up). */
function seatIdsProblem(value: unknown): string | undefined {
  const each = Array.isArray(value) ? value.every((id) => isUuid(id)) : isUuid(value);
  if (!each) return 'each seatIds entry must be a seat id';
  if (!arrayUnique(value as unknown[])) return 'seatIds must not repeat a seat';
  if (!arrayMaxSize(value, 100)) return 'seatIds must contain no more than 100 elements';
  if (!arrayMinSize(value, 1)) return 'seatIds must name at least one seat';
  if (!isArray(value)) return 'seatIds must be an array';
  return undefined;
}

function quantityProblem(value: unknown): string | undefined {
  if (!max(value, 100)) return 'quantity must not be greater than 100';
  if (!min(value, 1)) return 'quantity must not be less than 1';
  if (!isInt(value)) return 'quantity must be an integer';
  return undefined;
}

/** The fields one by one; every failing field is reported together (docs/api.md `details.fields`). */
export function checkHoldSeatsFields(body: Record<string, unknown>): HoldSeatsDto {
  const fields: FieldError[] = [];
  const dto = new HoldSeatsDto() as unknown as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (ignored(key)) continue;
    if (KNOWN.has(key)) dto[key] = body[key];
    else fields.push({ field: key, message: `${key} is not an allowed field` });
  }
  if (!isUuid(dto.showtimeId)) fields.push({ field: 'showtimeId', message: 'showtimeId must be an id' });
  if (dto.seatIds !== undefined && dto.seatIds !== null) {
    const message = seatIdsProblem(dto.seatIds);
    if (message) fields.push({ field: 'seatIds', message });
  }
  if (dto.quantity !== undefined && dto.quantity !== null) {
    const message = quantityProblem(dto.quantity);
    if (message) fields.push({ field: 'quantity', message });
  }
  if (dto.seatType !== undefined && dto.seatType !== null && !isIn(dto.seatType, seatTypes))
    fields.push({ field: 'seatType', message: `seatType must be one of ${SEAT_TYPES.join(', ')}` });
  if (fields.length > 0) throw validationError(fields);
  return dto as unknown as HoldSeatsDto;
}

/**
 * The gateway's one check of `POST /seats/hold` (hand-written: it is the hot path): the fields, then how they
 * go together, against MAX_SEATS_PER_HOLD. seat-service checks again what any gRPC caller could get wrong.
 */
export function parseHoldSeatsBody(value: unknown, maxSeatsPerHold: number): HoldSeatsDto {
  const body = checkHoldSeatsFields(requireJsonObject(value));
  const one = (field: string, message: string) => validationError([{ field, message }]);
  if (body.seatIds && body.quantity !== undefined)
    throw one('quantity', 'give either seatIds or quantity, not both');
  if (!body.seatIds && body.quantity === undefined) throw one('seatIds', 'seatIds (or quantity) is required');
  if (body.seatIds && body.seatIds.length > maxSeatsPerHold)
    throw one('seatIds', `at most ${maxSeatsPerHold} seats per hold`);
  if (body.quantity !== undefined && body.quantity > maxSeatsPerHold)
    throw one('quantity', `at most ${maxSeatsPerHold} seats per hold`);
  if (body.seatType && body.seatIds) throw one('seatType', 'seatType goes with quantity only');
  return body;
}
