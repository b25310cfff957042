import { defineConfig } from 'vite';

/** API paths the dev server (`npm run dev -w web`) forwards to a gateway started with `npm start`. */
const API_PREFIXES = [
  '/auth',
  '/movies',
  '/showtimes',
  '/theaters',
  '/rooms',
  '/seats',
  '/bookings',
  '/payment',
  '/admin',
  '/reports',
  '/docs-json',
];
const GATEWAY = 'http://127.0.0.1:3005';

// The gateway serves web/dist at `/` under a strict CSP: the build has no inline script (the module preload
// polyfill is left out: every browser the app supports has modulepreload) and no inline style.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { proxy: Object.fromEntries(API_PREFIXES.map((p) => [p, GATEWAY])) },
});
