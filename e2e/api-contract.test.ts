import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminTests } from './contract/admin';
import { authTests } from './contract/auth';
import { badInputTests } from './contract/bad-input';
import { blockedAndCompanionSeatsTests } from './contract/blocked-seats';
import { bookingsAndPaymentTests } from './contract/bookings';
import { catalogTests } from './contract/catalog';
import { catalogLifecycleTests } from './contract/catalog-lifecycle';
import { base, startContractSystem, stopContractSystem } from './contract/context';
import { conventionsTests } from './contract/conventions';
import { operationsTests } from './contract/operations';
import { seatsTests } from './contract/seats';
import { ticketsTests } from './contract/tickets';
import { waitingRoomTests } from './contract/waiting-room';
import { showtimeCancelTests } from './contract/showtime-cancel';
import { judged } from './openapi-recorder';

/**
 * docs/api.md, line by line, as a demanding black-box client. Everything here is observable over HTTP from a
 * system started with `npm start`'s script and environment overrides; nothing reads service internals.
 *
 * One system for every suite (a start costs tens of seconds); the suites, one per subject, are in
 * e2e/contract/ and run in this order, since later ones rely on the fixtures and seats the earlier ones used.
 */

describe('docs/api.md contract (black box)', () => {
  beforeAll(startContractSystem, 240_000);
  afterAll(stopContractSystem);

  conventionsTests();
  authTests();
  catalogTests();
  seatsTests();
  blockedAndCompanionSeatsTests();
  bookingsAndPaymentTests();
  ticketsTests();
  waitingRoomTests();
  adminTests();
  badInputTests();
  operationsTests();
  showtimeCancelTests();
  catalogLifecycleTests();

  // Every answer above was judged against /docs-json by the e2e helpers (e2e/openapi-recorder.ts).
  it('held the answers of every documented operation to the OpenAPI document', async () => {
    const doc = (await (await fetch(`${base}/docs-json`)).json()) as { paths: Record<string, object> };
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.filter((o) => !judged.has(o))).toEqual([]);
  });
});
