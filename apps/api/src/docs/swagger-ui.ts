// The interactive API docs page: Swagger UI from the swagger-ui-dist package, served by the API
// itself (no CDN), with its start-up script as a file of its own so the page needs no inline script.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const DOCS_ASSETS_PATH = '/docs/assets';

const INIT_JS = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/docs/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: false,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
});
`;

/** The files the page loads, by name, with their media types. */
export const DOCS_ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
  'init.js': 'application/javascript; charset=utf-8',
} as const;
export type DocsAsset = keyof typeof DOCS_ASSETS;

const cache = new Map<DocsAsset, Buffer>();

/** An asset's bytes (read once from swagger-ui-dist; init.js is ours). */
export function docsAsset(name: DocsAsset): { type: string; body: Buffer } {
  let body = cache.get(name);
  if (!body) {
    body = name === 'init.js' ? Buffer.from(INIT_JS) : readFileSync(join(dirname(require.resolve('swagger-ui-dist/package.json')), name));
    cache.set(name, body);
  }
  return { type: DOCS_ASSETS[name], body };
}

/** Scripts and styles from this origin only; Swagger UI sets inline styles, and data: images. */
export const DOCS_PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const DOCS_PAGE_HTML = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Mutu API</title>
    <link rel="stylesheet" href="${DOCS_ASSETS_PATH}/swagger-ui.css">
    <link rel="icon" type="image/png" href="${DOCS_ASSETS_PATH}/favicon-32x32.png" sizes="32x32">
    <link rel="icon" type="image/png" href="${DOCS_ASSETS_PATH}/favicon-16x16.png" sizes="16x16">
  </head>
  <body>
    <main id="swagger-ui"></main>
    <script src="${DOCS_ASSETS_PATH}/swagger-ui-bundle.js"></script>
    <script src="${DOCS_ASSETS_PATH}/swagger-ui-standalone-preset.js"></script>
    <script src="${DOCS_ASSETS_PATH}/init.js"></script>
  </body>
</html>
`;
