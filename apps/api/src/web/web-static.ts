// Serves the built web app (apps/web/dist) under /app/, with the SPA fallback to index.html for
// any GET below /app, and `/` redirecting there. The API owns every other path, so a browser
// reload of an app page never collides with an API route. Does nothing when the app is not built.
// Its Content-Security-Policy is web-csp.ts; the rest of the API keeps helmet's headers without one.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { WEB_APP_CSP } from './web-csp';

export const WEB_BASE = '/app';

/** apps/web/dist, found by walking up from this file (works from src/ and from the compiled dist/). */
export function findWebDist(start = __dirname): string | null {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'apps', 'web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Returns whether the app is served. Call before the app starts listening. */
export function serveWeb(app: NestExpressApplication, distDir: string | null = findWebDist()): boolean {
  if (!distDir || !existsSync(join(distDir, 'index.html'))) return false;
  const index = join(distDir, 'index.html');
  // Every answer under /app/ carries the app's policy (documents need it; assets ignore it).
  app.use(WEB_BASE, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('content-security-policy', WEB_APP_CSP);
    next();
  });
  // Hashed asset names never change content: cache them for long; index.html is always revalidated.
  app.useStaticAssets(join(distDir, 'assets'), { prefix: `${WEB_BASE}/assets/`, immutable: true, maxAge: '365d', fallthrough: false });
  app.useStaticAssets(distDir, { prefix: `${WEB_BASE}/`, index: false, maxAge: 0 });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/') return res.redirect(302, `${WEB_BASE}/`);
    if (req.path !== WEB_BASE && !req.path.startsWith(`${WEB_BASE}/`)) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
