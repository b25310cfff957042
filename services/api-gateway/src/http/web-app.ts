import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The web app's build, web/dist at the repository root; the same relative path from src/ and dist/. */
export const WEB_DIST = join(__dirname, '..', '..', '..', '..', 'web', 'dist');

/**
 * The web app's own routes (web/src/router.tsx): each answers its index.html and the app routes in the
 * browser. Listed one by one so that no API path (/movies, /showtimes, /seats, /bookings, /auth, /payment,
 * /docs, /health...) is ever answered by the app: an unknown path still gets the API's 404.
 */
export const WEB_APP_ROUTES = [
  '/',
  '/films',
  '/films/:movieId',
  '/book/:showtimeId',
  '/checkout/:bookingId',
  '/my-bookings',
  '/sign-in',
  '/register',
  '/manage',
  '/manage/*',
];

/** Hashed file names (Vite puts them under assets/) never change content: cache them for a year. */
function cacheHeaders(reply: FastifyReply, path: string): void {
  void reply.header(
    'cache-control',
    /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}

/**
 * Serves the web app at `/`: the files of web/dist (each one a route, listed when the gateway starts, so no
 * wildcard shadows the API), index.html for the app's routes, and `/app/...` (the app's old address)
 * redirected to `/`.
 */
export function installWebApp(app: NestFastifyApplication, fastify: FastifyInstance, root = WEB_DIST): void {
  // @fastify/static calls setHeaders with the reply; Nest's option type still names a Node response.
  app.useStaticAssets({
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: cacheHeaders as unknown as (res: unknown, path: string) => void,
  });
  const index = join(root, 'index.html');
  const sendIndex = async (_request: unknown, reply: FastifyReply) => {
    let html: Buffer;
    try {
      html = await readFile(index);
    } catch {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built: run `npm run build`.');
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  };
  for (const url of WEB_APP_ROUTES) fastify.get(url, sendIndex);
  const home = (_request: unknown, reply: FastifyReply) => reply.redirect('/', 301);
  fastify.get('/app', home);
  fastify.get('/app/*', home);
}
