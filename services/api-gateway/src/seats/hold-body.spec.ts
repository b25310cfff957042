import { ValidationPipe } from '@nestjs/common';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  type ValidationError,
} from 'class-validator';
import { describe, expect, it } from 'vitest';
import { DomainError, SEAT_TYPES, validationError } from '@cinema/contracts';
import { toFieldErrors } from '../http/validation';
import { checkHoldSeatsFields, parseHoldSeatsBody } from './hold-body';
import { HoldSeatsDto } from './seats.dto';

/** The class-validator description a hold body was once checked against: the reference for its answers. */
class ReferenceHoldSeatsDto {
  @IsUUID('all', { message: 'showtimeId must be an id' })
  showtimeId!: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'seatIds must name at least one seat' })
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'seatIds must not repeat a seat' })
  @IsUUID('all', { each: true, message: 'each seatIds entry must be a seat id' })
  seatIds?: string[];

  @IsOptional()
  @IsInt({ message: 'quantity must be an integer' })
  @Min(1)
  @Max(100)
  quantity?: number;

  @IsOptional()
  @IsIn(SEAT_TYPES as unknown as string[], { message: `seatType must be one of ${SEAT_TYPES.join(', ')}` })
  seatType?: string;
}

// The class-validator run GatewayValidationPipe did for every body before the hand-written check.
const reference = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors: ValidationError[]) => validationError(toFieldErrors(errors)),
});

async function outcome(run: () => unknown, type: new () => object): Promise<unknown> {
  try {
    const value = (await run()) as object;
    return { ok: value instanceof type, value: { ...value } };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, message: error.message, details: error.details };
  }
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const absent = Symbol('absent');
const showtimeIds: unknown[] = [absent, uuid(1), uuid(1).toUpperCase(), 42, null, 'x', '', [uuid(1)]];
const seatIdLists: unknown[] = [
  absent,
  null,
  [],
  [uuid(2)],
  [uuid(2), uuid(2)],
  Array.from({ length: 11 }, (_, i) => uuid(i + 10)),
  Array.from({ length: 101 }, (_, i) => uuid(i + 10)),
  Array.from({ length: 101 }, () => 'x'),
  'A1',
  uuid(2),
  [1],
  [null],
  [{}],
  [uuid(2), 'x'],
  ['x', 'x'],
  {},
  5,
];
const quantities: unknown[] = [absent, null, 0, 1, 5, 100, 101, 1.5, '5', -1, true, [1]];
const seatTypes: unknown[] = [absent, null, 'VIP', 'vip', 3, ''];
const extras: Record<string, unknown>[] = [
  {},
  { note: 'hi' },
  { toString: 1 },
  { constructor: 1 },
  { prototype: 1 },
  { hasOwnProperty: 2, zzz: null, aaa: {} },
];

function* bodies(): Generator<Record<string, unknown>> {
  for (const showtimeId of showtimeIds)
    for (const seatIds of seatIdLists)
      for (const quantity of quantities)
        for (const seatType of seatTypes)
          for (const extra of extras) {
            const body: Record<string, unknown> = {};
            if (extra.aaa) Object.assign(body, extra);
            if (showtimeId !== absent) body.showtimeId = showtimeId;
            if (seatIds !== absent) body.seatIds = seatIds;
            if (quantity !== absent) body.quantity = quantity;
            if (seatType !== absent) body.seatType = seatType;
            if (!extra.aaa) Object.assign(body, extra);
            yield body;
          }
}

describe('checkHoldSeatsFields', () => {
  it('gives what class-validator gave for the hold body, for every body', async () => {
    let compared = 0;
    for (const body of bodies()) {
      const json = JSON.stringify(body);
      const expected = await outcome(
        () => reference.transform(JSON.parse(json), { type: 'body', metatype: ReferenceHoldSeatsDto }),
        ReferenceHoldSeatsDto,
      );
      const actual = await outcome(() => checkHoldSeatsFields(JSON.parse(json)), HoldSeatsDto);
      expect(actual, json).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(10_000);
  }, 60_000);
});

describe('parseHoldSeatsBody', () => {
  const showtimeId = uuid(1);

  function failure(body: unknown, max = 10): unknown {
    try {
      parseHoldSeatsBody(body, max);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { code: error.code, details: error.details };
    }
    return undefined;
  }

  const only = (field: string, message: string) => ({
    code: 'VALIDATION_FAILED',
    details: { fields: [{ field, message }] },
  });

  it('takes a JSON object only; an absent body is an empty one', () => {
    for (const body of [null, 'x', 5, [showtimeId]])
      expect(failure(body)).toEqual(only('body', 'The body must be a JSON object'));
    expect(failure(undefined)).toEqual(only('showtimeId', 'showtimeId must be an id'));
  });

  it('checks how the fields go together, against MAX_SEATS_PER_HOLD', () => {
    expect(failure({ showtimeId, seatIds: [uuid(2)], quantity: 1 })).toEqual(
      only('quantity', 'give either seatIds or quantity, not both'),
    );
    expect(failure({ showtimeId })).toEqual(only('seatIds', 'seatIds (or quantity) is required'));
    expect(failure({ showtimeId, seatIds: [uuid(2), uuid(3), uuid(4)] }, 2)).toEqual(
      only('seatIds', 'at most 2 seats per hold'),
    );
    expect(failure({ showtimeId, quantity: 3 }, 2)).toEqual(only('quantity', 'at most 2 seats per hold'));
    expect(failure({ showtimeId, seatIds: [uuid(2)], seatType: 'VIP' })).toEqual(
      only('seatType', 'seatType goes with quantity only'),
    );
  });

  it('reports bad fields before how they go together', () => {
    expect(failure({ showtimeId: 'x', seatIds: [uuid(2)], quantity: 1 })).toEqual(
      only('showtimeId', 'showtimeId must be an id'),
    );
  });

  it('gives back the checked body', () => {
    expect({ ...parseHoldSeatsBody({ showtimeId, seatIds: [uuid(2), uuid(3)] }, 2) }).toMatchObject({
      showtimeId,
      seatIds: [uuid(2), uuid(3)],
    });
    expect({ ...parseHoldSeatsBody({ showtimeId, quantity: 2, seatType: 'VIP' }, 2) }).toMatchObject({
      showtimeId,
      quantity: 2,
      seatType: 'VIP',
    });
  });
});
