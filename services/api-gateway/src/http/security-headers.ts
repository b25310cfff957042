import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The web app (web/dist, a Vite build) is files only: its scripts and styles come from its own origin (no
 * inline script or style element; React sets element styles through the DOM, which style-src does not
 * govern), and it talks only to the API on that origin (fetch and the SSE stream). Film posters are images
 * at the `posterUrl` of each movie, on any HTTPS host. Nothing may frame any page (clickjacking).
 */
const DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
};

/** Swagger UI at /docs writes inline styles; its scripts are files like the app's. */
const DOCS_DIRECTIVES = { ...DIRECTIVES, styleSrc: ["'self'", "'unsafe-inline'"] };

export const DOCS_PATH = 'docs';

/**
 * The headers helmet sets for `options`, read once from a response that only records them: with no per-request
 * directive (no nonce, no function), they are the same for every response, and Fastify writes them with the
 * reply's other headers instead of a middleware chain setting them one by one on each response.
 */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => undefined,
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/** What both policies share. */
const COMMON: HelmetOptions = { frameguard: { action: 'deny' } };
const API_HEADERS = helmetHeaders({
  ...COMMON,
  contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
});
const DOCS_HEADERS = helmetHeaders({
  ...COMMON,
  contentSecurityPolicy: { useDefaults: false, directives: DOCS_DIRECTIVES },
});

/**
 * Security headers (helmet) on every response: CSP, nosniff, frame-ancestors 'none' (and X-Frame-Options),
 * no Referer, HSTS. Install before any route is added, so the /docs routes get their own policy. Each
 * policy's headers are worked out once, at start.
 */
export function installSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    if (route.url === `/${DOCS_PATH}` || route.url.startsWith(`/${DOCS_PATH}/`)) {
      route.config = { ...route.config, docsPolicy: true } as typeof route.config;
    }
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    const docs = (request.routeOptions.config as { docsPolicy?: boolean } | undefined)?.docsPolicy;
    void reply.headers(docs ? DOCS_HEADERS : API_HEADERS);
    done();
  });
}
