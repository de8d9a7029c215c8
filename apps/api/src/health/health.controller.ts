import { Controller, Inject, Res } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ProgramListCache } from '../programs/program-list-cache';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';

@Controller()
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(Connection) private readonly temporal: Connection,
    @Inject(ProgramListCache) private readonly listCache: ProgramListCache,
  ) {}

  /** Liveness: the process answers. */
  @Route(ROUTES.healthLive)
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: PostgreSQL and Temporal both answer. Also how GET /programs is served: from pages
   * kept in memory while the API hears PostgreSQL announce changes, from PostgreSQL while it does
   * not (slower, still correct; not a readiness failure).
   */
  @Route(ROUTES.health)
  async ready(@Res({ passthrough: true }) res: Response) {
    const check = async (fn: () => Promise<unknown>) => {
      const started = Date.now();
      try {
        await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3_000))]);
        return { status: 'up', ms: Date.now() - started };
      } catch (e) {
        return { status: 'down', error: e instanceof Error ? e.message : String(e) };
      }
    };
    const [postgres, temporal] = await Promise.all([
      check(() => this.ds.query('SELECT 1')),
      check(() => this.temporal.healthService.check({})),
    ]);
    const ok = postgres.status === 'up' && temporal.status === 'up';
    res.status(ok ? 200 : 503);
    const { enabled, listening, ...counts } = this.listCache.stats();
    const programListCache = { state: !enabled ? 'off' : listening ? 'listening' : 'not listening: GET /programs reads PostgreSQL', ...counts };
    return { status: ok ? 'ok' : 'degraded', checks: { postgres, temporal }, programListCache };
  }
}
