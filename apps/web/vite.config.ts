// Builds the single-page app into apps/web/dist; the API serves it under /app/ (see
// apps/api/src/web/web-static.ts). JSX goes through vite's own esbuild, so no React plugin.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.MUTU_API_URL ?? 'http://127.0.0.1:3000';
// Paths the dev server forwards to a running API (`vite --config apps/web/vite.config.ts`).
const apiPaths = ['/auth', '/me', '/programs', '/campaigns', '/evidence', '/calendar', '/audit', '/docs', '/health'];

/** The app runs under `script-src 'self'` (apps/api/src/web/web-csp.ts): the build fails if
 * index.html would carry an inline script, an event-handler attribute or a style attribute. */
const noInlineCode: Plugin = {
  name: 'mutu-no-inline-code',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html) {
      const inline = (html.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !/\bsrc=/.test(tag));
      if (inline.length > 0 || /\son[a-z]+=|\sstyle=/i.test(html)) throw new Error(`index.html has inline code the CSP would refuse: ${inline.join(' ') || 'an attribute'}`);
      return html;
    },
  },
};

export default defineConfig({
  root,
  base: '/app/',
  esbuild: { jsx: 'automatic' },
  plugins: [noInlineCode],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020', chunkSizeWarningLimit: 600 },
  server: { proxy: Object.fromEntries(apiPaths.map((p) => [p, api])) },
});
