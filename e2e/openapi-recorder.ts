import { describeVerdict, OpenApiResponses } from '@cinema/testing';

/**
 * Every answer the e2e helpers receive (apiClient, rawRequest, openSse) is held against the gateway's own
 * OpenAPI document (`GET /docs-json`, loaded once per system): an undeclared status, content type or header,
 * or a body that does not match the declared schema, fails the request that received it, naming the
 * operation, the status and the mismatch. Requests the document does not describe (unknown routes, /health,
 * /docs, /app/) are not checked.
 */

const documents = new Map<string, Promise<OpenApiResponses | undefined>>();

/** Answers judged so far in this test file, by operation (`GET /movies/{id}` -> count). */
export const judged = new Map<string, number>();

/**
 * The document a server serves; undefined for one that has none (a metrics port, a service's ops port, the
 * payment processor simulator, which refuses anything without its key).
 */
function documentOf(baseUrl: string): Promise<OpenApiResponses | undefined> {
  let document = documents.get(baseUrl);
  if (!document) {
    document = (async () => {
      const res = await fetch(`${baseUrl}/docs-json`);
      if ([401, 403, 404].includes(res.status)) return undefined;
      if (res.status !== 200) throw new Error(`GET ${baseUrl}/docs-json answered ${res.status}`);
      return OpenApiResponses.load(await res.json());
    })();
    // A failed load (the gateway was down) is tried again by the next request.
    document.catch(() => documents.delete(baseUrl));
    documents.set(baseUrl, document);
  }
  return document;
}

export interface RecordedAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text when it was not JSON, or undefined when empty (unread for a stream). */
  body: unknown;
  /** A stream left unread: its status, content type and headers are checked. */
  bodyUnread?: boolean;
}

export async function expectDocumented(
  baseUrl: string,
  method: string,
  path: string,
  answer: RecordedAnswer,
): Promise<void> {
  const verdict = (await documentOf(baseUrl))?.check({
    method,
    url: path,
    status: answer.status,
    contentType: answer.headers.get('content-type'),
    body: answer.body,
    bodyUnread: answer.bodyUnread,
    headerNames: answer.headers.keys(),
  });
  if (verdict) judged.set(verdict.operation, (judged.get(verdict.operation) ?? 0) + 1);
  if (verdict && verdict.problems.length > 0) {
    throw new Error(`${method} ${path}: ${describeVerdict(verdict, answer.status)}`);
  }
}

/** A fetch whose answer is judged against the OpenAPI document: the body parsed when it is JSON. */
export async function fetchDocumented(
  baseUrl: string,
  method: string,
  path: string,
  init: { headers: Record<string, string>; body?: string },
): Promise<{ status: number; text: string; body: unknown; headers: Headers }> {
  const res = await fetch(`${baseUrl}${path}`, { method, headers: init.headers, body: init.body });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  await expectDocumented(baseUrl, method, path, { status: res.status, headers: res.headers, body });
  return { status: res.status, text, body, headers: res.headers };
}
