import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { DomainError, validationError } from '@cinema/contracts';
import { toFieldErrors } from '../http/validation';
import { parseHoldSeatsBody } from './hold-body';
import { HoldSeatsDto } from './seats.dto';

// The class-validator run GatewayValidationPipe did for every body before the hand-written check.
const reference = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors: ValidationError[]) => validationError(toFieldErrors(errors)),
});

async function outcome(run: () => unknown): Promise<unknown> {
  try {
    const value = (await run()) as object;
    return { ok: value instanceof HoldSeatsDto, value: { ...value } };
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

describe('parseHoldSeatsBody', () => {
  it('gives what class-validator gives for HoldSeatsDto, for every body', async () => {
    let compared = 0;
    for (const body of bodies()) {
      const json = JSON.stringify(body);
      const expected = await outcome(() =>
        reference.transform(JSON.parse(json), { type: 'body', metatype: HoldSeatsDto }),
      );
      const actual = await outcome(() => parseHoldSeatsBody(JSON.parse(json)));
      expect(actual, json).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(10_000);
  }, 60_000);
});
