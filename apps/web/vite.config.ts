// Builds the single-page app into apps/web/dist; the API serves it under /app/ (see
// apps/api/src/web/web-static.ts). JSX goes through vite's own esbuild, so no React plugin.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.MUTU_API_URL ?? 'http://127.0.0.1:3000';
// Paths the dev server forwards to a running API (`vite --config apps/web/vite.config.ts`).
const apiPaths = ['/auth', '/me', '/programs', '/campaigns', '/evidence', '/calendar', '/audit', '/docs', '/health'];

export default defineConfig({
  root,
  base: '/app/',
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020', chunkSizeWarningLimit: 600 },
  server: { proxy: Object.fromEntries(apiPaths.map((p) => [p, api])) },
});
