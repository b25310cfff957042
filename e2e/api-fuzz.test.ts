import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenApiResponses, uniqueSuffix } from '@cinema/testing';
import { buildWorld, type World } from './fuzz/fixtures';
import { operationsOf, type Operation } from './fuzz/openapi';
import { describeRequest, problemsOf, send, twinOf, twinProblems, type Answer } from './fuzz/oracle';
import { REGRESSIONS } from './fuzz/regressions';
import { requestsFor, type FuzzRequest } from './fuzz/requests';
import { startSmtpListener, startSystem, type RunningSystem } from './system';

/**
 * Every operation of the gateway's own OpenAPI document, with random and boundary inputs from anonymous
 * callers, a customer, the admin and forged tokens. Properties: never a 5xx, every error in the shape of
 * docs/api.md, and nothing of another customer's (the victim's) in any answer. FUZZ_SEED replays a run,
 * FUZZ_BUDGET_MS sets the fuzzing time (shared by the operations).
 */

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(2 ** 31 - 1);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 60_000);
const ADMIN = { email: `admin-${uniqueSuffix()}@fuzz.test`, password: 'fuzz-admin-password-1' };

describe('fuzzing the public API from its OpenAPI document', () => {
  let system: RunningSystem;
  let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
  let world: World;
  let operations: Operation[];
  let documented: OpenApiResponses;

  beforeAll(async () => {
    smtp = await startSmtpListener();
    system = await startSystem({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      PAYMENT_DELAY_MS: '100',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    });
    const doc = await fetch(`${system.baseUrl}/docs-json`);
    expect(doc.status).toBe(200);
    const document: unknown = await doc.json();
    operations = operationsOf(document);
    documented = await OpenApiResponses.load(document);
    world = await buildWorld(system.baseUrl, ADMIN);
  }, 300_000);

  afterAll(async () => {
    await system?.stop();
    await smtp?.close();
  });

  function tokenOf(req: FuzzRequest): string | undefined {
    if (req.actor === 'customer') return world.customer.accessToken;
    if (req.actor === 'admin') return world.admin.accessToken;
    if (req.actor === 'forged') return req.forgedToken;
    return undefined;
  }

  /** The answer against what the document declares for the operation (status, content type, body). */
  function documentProblems(req: FuzzRequest, answer: Answer): string[] {
    if (answer.closedUnread) return [];
    const contentType = answer.headers.get('content-type');
    const stream = (contentType ?? '').startsWith('text/event-stream');
    let body: unknown = answer.text === '' ? undefined : answer.text;
    if (!stream && (contentType ?? '').includes('json')) {
      try {
        body = JSON.parse(answer.text);
      } catch {
        /* judged as the text it is */
      }
    }
    const verdict = documented.check({
      method: req.method,
      url: req.url,
      status: answer.status,
      contentType,
      body,
      bodyUnread: stream,
      headerNames: answer.headers.keys(),
    });
    return (verdict?.problems ?? []).map(
      (p) => `not as the OpenAPI document says (${verdict?.operation}): ${p}`,
    );
  }

  async function verdict(req: FuzzRequest): Promise<{ status: number; problems: string[]; answer: string }> {
    const answer = await send(system.baseUrl, req, tokenOf(req));
    const problems = problemsOf(req, answer, world.victim);
    problems.push(...documentProblems(req, answer));
    const twin = twinOf(req, world.victim);
    if (twin) {
      const other = await send(system.baseUrl, twin.twin, tokenOf(twin.twin));
      problems.push(...twinProblems(answer, other, twin.swaps));
    }
    return {
      status: answer.status,
      problems,
      answer: `${answer.status} ${answer.text.slice(0, 600)}`,
    };
  }

  it('holds for the requests that once broke it', async () => {
    const failures: string[] = [];
    for (const make of REGRESSIONS) {
      const req = make(world);
      const { problems, answer } = await verdict(req);
      if (problems.length > 0) {
        failures.push(`${problems.join('; ')}\n  request: ${describeRequest(req)}\n  answer: ${answer}`);
      }
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  });

  it('never answers 5xx, always in the error shape, and never with the victim’s data', async () => {
    expect(operations.length, 'operations in the document').toBeGreaterThan(20);
    console.log(`api fuzz: seed ${SEED} (FUZZ_SEED=${SEED} replays it), ${operations.length} operations`);
    const perOperationMs = BUDGET_MS / operations.length;
    const failures: string[] = [];
    const summary: string[] = [];
    for (const [index, op] of operations.entries()) {
      const statuses = new Map<number, number>();
      const details = await fc.check(
        fc.asyncProperty(
          requestsFor(op, {
            pools: world.pools,
            victimRequests: world.victimRequests,
            forgedTokens: world.forgedTokens,
          }),
          async (req) => {
            const { status, problems, answer } = await verdict(req);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (problems.length > 0) {
              throw new Error(
                `${problems.join('; ')}\n  request: ${describeRequest(req)}\n  answer: ${answer}`,
              );
            }
          },
        ),
        {
          seed: SEED + index,
          numRuns: 100_000,
          plugins: [fc.interruptAfterTimeLimit(perOperationMs)],
        },
      );
      const counts = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
      summary.push(`${op.name}: ${details.numRuns} runs (${counts.join(' ')})`);
      // fast-check also calls "failed" a run whose time ran out before its first input was answered: only a
      // counterexample is a finding, so a slow machine fuzzes less but never fails for being slow.
      if (details.failed && details.counterexample !== null) {
        failures.push(
          `${op.name} (seed ${details.seed}, path ${details.counterexamplePath ?? '?'}):\n${
            details.errorInstance instanceof Error
              ? details.errorInstance.message
              : String(details.errorInstance)
          }`,
        );
      }
    }
    console.log(`api fuzz summary:\n  ${summary.join('\n  ')}`);
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 600_000);
});
