import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prerequisite } from '@cinema/testing';
import { WEB_APP_ROUTES, WEB_DIST } from '../src/http/web-app';
import { FakeBackends, FakePaymentService, startGateway, type RunningGateway } from './harness';

const built = prerequisite(
  existsSync(join(WEB_DIST, 'index.html')) ? undefined : 'web/dist is not built (npm run build)',
);

describe.skipIf(built.skip)(built.title('api-gateway serves the web app'), () => {
  const fake = new FakeBackends();
  const payments = new FakePaymentService();
  let gw: RunningGateway;

  beforeAll(async () => {
    built.check();
    await fake.start();
    await payments.start();
    gw = await startGateway(fake.port, payments.port);
  });

  afterAll(async () => {
    await gw?.close();
    await payments.stop();
    await fake.stop();
  });

  const get = (path: string) => fetch(`${gw.url}${path}`, { redirect: 'manual' });

  it("answers each of the app's routes with its index.html", async () => {
    const paths = WEB_APP_ROUTES.map((r) => r.replace(/:[a-zA-Z]+/, '3f1c8a52-8d0e-4b8e-9a43-1d2a0c9b7e11'));
    for (const path of [
      ...paths,
      '/sign-in?next=%2Fmy-bookings',
      '/manage/showtimes/3f1c8a52-8d0e-4b8e-9a43-1d2a0c9b7e11',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(await res.text(), path).toContain('<div id="root"></div>');
    }
  });

  it('serves the built scripts and styles with a long cache, and no inline script', async () => {
    const html = await (await get('/')).text();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    const assets = readdirSync(join(WEB_DIST, 'assets'));
    expect(assets.some((f) => f.endsWith('.js'))).toBe(true);
    const bodies = new Map<string, string>();
    for (const file of assets) {
      const res = await get(`/assets/${file}`);
      expect(res.status, `${file}: ${await res.clone().text()}`).toBe(200);
      expect(res.headers.get('cache-control'), file).toBe('public, max-age=31536000, immutable');
      bodies.set(file, await res.text());
    }
    // Every file is the page's own or loaded by another one (a lazily loaded chunk, e.g. the manager's pages).
    for (const file of assets) {
      const others = [...bodies].filter(([name]) => name !== file).map(([, body]) => body);
      expect(
        [html, ...others].some((text) => text.includes(file)),
        file,
      ).toBe(true);
    }
  });

  it('redirects the old /app/ address to /', async () => {
    for (const path of ['/app', '/app/', '/app/app.js', '/app/some/where']) {
      const res = await get(path);
      expect(res.status, path).toBe(301);
      expect(res.headers.get('location'), path).toBe('/');
    }
  });

  it('never answers an API path or an unknown path with the app', async () => {
    const unknown = await get('/no/such/route');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
    for (const path of ['/films/a/b', '/assets/missing.js', '/index.htm']) {
      expect((await get(path)).status, path).toBe(404);
    }
    const health = await get('/health');
    expect(health.headers.get('content-type')).toContain('application/json');
    const docs = await get('/docs-json');
    expect(docs.status).toBe(200);
    expect(((await docs.json()) as { openapi: string }).openapi).toBeDefined();
  });
});
