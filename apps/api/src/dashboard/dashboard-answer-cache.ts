import { Injectable } from '@nestjs/common';
import { setBounded } from '@mutu/persistence';
import type { DataSource } from 'typeorm';

const MAX_ANSWERS = 200;

/**
 * SQL: a stamp of everything a region and budget year's dashboard is computed from ($1 region,
 * $2 year): the dashboard rows (count, and the sum of their change times), the open deadlines of
 * those programs, the region's schools (names, levels, sub-districts) and the hour (overdue and
 * "within 7 days" move with the day in every Indonesian time zone). Any change of the read models
 * changes the stamp; the query reads indexes only, a few milliseconds for 3,000 programs.
 */
export const ANSWER_STAMP = `
  WITH d AS (SELECT program_id, updated_at, signed_off_at FROM dashboard_programs WHERE region_id = $1 AND budget_year = $2)
  SELECT concat_ws('|',
    (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM updated_at)), 0) || ':' || count(signed_off_at) FROM d),
    (SELECT count(*) || ':' || coalesce(sum(extract(epoch FROM dl.computed_at)), 0) || ':' || coalesce(sum(dl.due_date - DATE '2000-01-01'), 0)
       FROM deadlines dl JOIN d ON d.program_id = dl.program_id),
    (SELECT count(*) || ':' || coalesce(sum(hashtext(name || level || coalesce(sub_district, ''))), 0) FROM schools WHERE region_id = $1),
    (SELECT count(*) || ':' || coalesce(sum(c.planned + 2 * c.realised), 0) FROM dashboard_components c WHERE c.region_id = $1 AND c.budget_year = $2),
    date_trunc('hour', now())) AS stamp`;

/**
 * The dashboard's JSON answers, each kept with the stamp of the read models it was computed from:
 * an answer is served again only while the stamp is unchanged (so every replica, and every change
 * whoever made it, is seen at once), and concurrent requests for one stale answer compute it once.
 */
@Injectable()
export class DashboardAnswerCache {
  private readonly answers = new Map<string, { stamp: string; body: Promise<string> }>();

  async read(ds: DataSource, key: string, regionId: string, budgetYear: number, load: () => Promise<string>): Promise<string> {
    const [{ stamp }]: { stamp: string }[] = await ds.query(ANSWER_STAMP, [regionId, budgetYear]);
    const kept = this.answers.get(key);
    if (kept && kept.stamp === stamp) return kept.body;
    const body = load();
    setBounded(this.answers, key, { stamp, body }, MAX_ANSWERS);
    // A failed computation is not kept: the next request tries again.
    body.catch(() => this.answers.get(key)?.body === body && this.answers.delete(key));
    return body;
  }
}
