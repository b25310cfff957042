import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply } from 'fastify';
import { errorBody } from '@cinema/http';
import { requestIdFrom } from './request-hooks';

/**
 * Fastify answers a URL it cannot decode (FST_ERR_BAD_URL) before any hook or filter of ours runs; this
 * gives that answer the error body of docs/api.md and the request id like any other 400.
 */
export function answerFrameworkError(error: Error, request: { id: unknown }, reply: unknown): void {
  const message = `The URL is not valid: ${error.message}`;
  // Nest bundles its own copy of Fastify: the same reply under a distinct type.
  void (reply as FastifyReply)
    .code(400)
    .header('x-request-id', String(request.id))
    .header('content-type', 'application/json; charset=utf-8')
    .send(errorBody('VALIDATION_FAILED', message, { fields: [{ field: 'url', message }] }));
}

/**
 * Node's parser refuses a request it cannot read (headers over the size limit, a malformed request line, a
 * client too slow to send it) before Fastify sees a request; the answer still has docs/api.md's error body.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ([
          431,
          'HEADERS_TOO_LARGE',
          'The request line and headers are larger than the server accepts',
        ] as const)
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ([408, 'REQUEST_TIMEOUT', 'The request was not received in time'] as const)
        : ([400, 'VALIDATION_FAILED', 'The request is not valid HTTP'] as const);
  const details = code === 'VALIDATION_FAILED' ? { fields: [{ field: 'request', message }] } : undefined;
  const body = JSON.stringify(errorBody(code, message, details));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestIdFrom(undefined)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
