/**
 * The console's build: `web/` → `web/dist`, which the service serves at `/` (src/web/console.ts).
 * `npm run web:dev` serves it with hot reload and passes the API through to a service on :3000.
 */
import { defineConfig } from 'vite';

const API = ['/auth', '/decisions', '/catalogs', '/reviews', '/audit', '/public', '/org-units', '/users', '/workflows', '/calendar', '/docs-json', '/health'];

export default defineConfig({
  root: __dirname,
  // JSX by Vite's own transform (the automatic runtime of React 19).
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: Object.fromEntries(API.map((p) => [p, 'http://localhost:3000'])) },
});
