/**
 * The console's build: `web/` → `web/dist`, which the service serves at `/` (src/web/console.ts).
 * `npm run web:dev` serves it with hot reload and passes the API through to a service on :3000.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const API = ['/auth', '/decisions', '/catalogs', '/reviews', '/audit', '/public', '/org-units', '/users', '/workflows', '/calendar', '/docs-json', '/health'];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // JSX by Vite's own transform (the automatic runtime of React 19).
  oxc: { jsx: { runtime: 'automatic' } },
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // Ant Design marks its modules "use client" (for React server components): nothing to keep in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: Object.fromEntries(API.map((p) => [p, 'http://localhost:3000'])) },
});
