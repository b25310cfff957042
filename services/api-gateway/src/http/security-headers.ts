import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

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
 * Security headers (helmet) on every response: CSP, nosniff, frame-ancestors 'none' (and X-Frame-Options),
 * no Referer, HSTS. Install before any route is added, so the /docs routes get their own policy.
 */
export async function installSecurityHeaders(fastify: FastifyInstance): Promise<void> {
  fastify.addHook('onRoute', (route) => {
    if (route.url === `/${DOCS_PATH}` || route.url.startsWith(`/${DOCS_PATH}/`)) {
      route.config = {
        ...route.config,
        helmet: { contentSecurityPolicy: { useDefaults: false, directives: DOCS_DIRECTIVES } },
      } as typeof route.config;
    }
  });
  await fastify.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
    frameguard: { action: 'deny' },
  });
}
