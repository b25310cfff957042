import { describe, expect, it } from 'vitest';
import { expectError, rawRequest } from '../contract-helpers';
import { api, base, suffix, showtimeId } from './context';

export function conventionsTests(): void {
  describe('Conventions', () => {
    it('echoes X-Request-Id when given and generates one otherwise, on successes and errors alike', async () => {
      const id = `contract-${suffix}-echo`;
      const cases: [string, string, unknown?, string?][] = [
        ['GET', '/movies'],
        ['GET', `/movies/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`],
        ['GET', '/auth/me'],
        ['GET', '/no/such/route'],
        ['POST', '/auth/login', { email: 'x@y.z' }],
        ['GET', '/health'],
        ['GET', '/metrics'],
        ['GET', '/docs'],
        ['POST', '/payment/callback', { id: 'x' }],
        ['GET', `/seats/status/${showtimeId()}`],
      ];
      for (const [method, path, body] of cases) {
        const echoed = await api(method, path, { body, headers: { 'x-request-id': id } });
        expect.soft(echoed.headers.get('x-request-id'), `${method} ${path} echoes X-Request-Id`).toBe(id);
        const generated = await api(method, path, { body });
        expect
          .soft(generated.headers.get('x-request-id'), `${method} ${path} generates X-Request-Id`)
          .toBeTruthy();
      }
      const broken = await rawRequest(base, 'POST', '/auth/login', {
        body: '{"email":',
        headers: { 'content-type': 'application/json', 'x-request-id': id },
      });
      expect.soft(broken.headers.get('x-request-id'), 'invalid JSON still echoes X-Request-Id').toBe(id);
      const a = await api('GET', '/movies');
      const b = await api('GET', '/movies');
      expect
        .soft(a.headers.get('x-request-id'), 'generated ids differ')
        .not.toBe(b.headers.get('x-request-id'));
    });

    it('answers an unknown route with the error body (404 NOT_FOUND)', async () => {
      expectError(await api('GET', '/definitely/not/here'), 404, 'NOT_FOUND', 'GET unknown route');
    });

    it('sends JSON with UTF-8', async () => {
      const res = await api('GET', '/movies');
      expect
        .soft(res.headers.get('content-type'), 'content-type of GET /movies')
        .toMatch(/application\/json/);
      const err = await api('GET', '/auth/me');
      expect.soft(err.headers.get('content-type'), 'content-type of an error').toMatch(/application\/json/);
    });
  });
}
