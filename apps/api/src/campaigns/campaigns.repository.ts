import { Inject, Injectable } from '@nestjs/common';
import { hasProgramRole, hasRole, type Actor, type Material, type OpenCluster } from '@mutu/domain';
import { DataSource } from 'typeorm';

export interface CampaignRow {
  campaign_id: string;
  title: string;
  organiser: string;
  region_id: string;
  time_zone: string;
  period_start: string;
  period_end: string;
  materials: Material[];
  status: 'open' | 'closed';
  cluster_count: number;
  school_count: number;
  clusters_completed: number;
  /** The caller's campaign-wide role ('organiser') or null. */
  my_role: 'organiser' | null;
}

export interface ClusterRow {
  cluster_id: string;
  state: OpenCluster;
}

const CAMPAIGN_COLUMNS = `c.campaign_id, c.title, c.organiser, c.region_id, c.time_zone,
  to_char(c.period_start, 'YYYY-MM-DD') AS period_start, to_char(c.period_end, 'YYYY-MM-DD') AS period_end,
  c.materials, c.status, c.cluster_count, c.school_count, c.clusters_completed,
  (SELECT 'organiser' FROM campaign_members m WHERE m.campaign_id = c.campaign_id AND m.cluster_id = '' AND m.user_id = $1 AND m.role = 'organiser') AS my_role`;

/**
 * Who sees a campaign: admins; its members (organisers, team); anyone whose region is the
 * campaign's; anyone scoped to one of its schools. Everyone else gets "not found".
 */
const VISIBLE = `($4 OR c.region_id = ANY($3::text[])
  OR EXISTS (SELECT 1 FROM campaign_members m WHERE m.campaign_id = c.campaign_id AND m.user_id = $1)
  OR EXISTS (SELECT 1 FROM campaign_schools s WHERE s.campaign_id = c.campaign_id AND s.school_id = ANY($2::text[])))`;

// A mentor sees the campaigns they serve (membership), never a region's or a school's by scope.
const scopeParams = (actor: Actor) => {
  const scoped = hasProgramRole(actor);
  return [actor.userId, scoped ? actor.schoolIds : [], scoped ? actor.regionIds : [], hasRole(actor, 'admin')];
};

@Injectable()
export class CampaignsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** NPSN by school id (views show schools by name and NPSN). */
  async npsnOf(schoolIds: string[]): Promise<Map<string, string | null>> {
    const rows: { school_id: string; npsn: string | null }[] = await this.ds.query('SELECT school_id, npsn FROM schools WHERE school_id = ANY($1::text[])', [schoolIds]);
    return new Map(rows.map((r) => [r.school_id, r.npsn]));
  }

  async listVisible(actor: Actor): Promise<CampaignRow[]> {
    return this.ds.query(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c WHERE ${VISIBLE} ORDER BY c.period_start DESC, c.campaign_id LIMIT 200`, scopeParams(actor));
  }

  async findVisible(campaignId: string, actor: Actor): Promise<CampaignRow | undefined> {
    const rows: CampaignRow[] = await this.ds.query(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c WHERE c.campaign_id = $5 AND ${VISIBLE}`, [...scopeParams(actor), campaignId]);
    return rows[0];
  }

  async clusters(campaignId: string): Promise<ClusterRow[]> {
    return this.ds.query('SELECT cluster_id, state FROM campaign_clusters WHERE campaign_id = $1 ORDER BY cluster_id', [campaignId]);
  }

  async cluster(campaignId: string, clusterId: string): Promise<ClusterRow | undefined> {
    const rows: ClusterRow[] = await this.ds.query('SELECT cluster_id, state FROM campaign_clusters WHERE campaign_id = $1 AND cluster_id = $2', [campaignId, clusterId]);
    return rows[0];
  }

  /** Documented meetings per cluster and approved RTLs, for the list (one query, not per campaign). */
  async progress(campaignIds: string[]): Promise<Map<string, { meetingsDone: number; meetingsTotal: number; rtlApproved: number }>> {
    const rows: { campaign_id: string; done: number; total: number; rtl: number }[] = await this.ds.query(
      `SELECT campaign_id,
         sum((SELECT count(*) FROM jsonb_array_elements(state->'meetings') m WHERE m->>'status' = 'documented'))::int AS done,
         sum(jsonb_array_length(state->'meetings'))::int AS total,
         sum((SELECT count(*) FROM jsonb_array_elements(state->'rtls') r WHERE r->>'status' = 'approved'))::int AS rtl
       FROM campaign_clusters WHERE campaign_id = ANY($1::text[]) GROUP BY campaign_id`,
      [campaignIds],
    );
    return new Map(rows.map((r) => [r.campaign_id, { meetingsDone: r.done, meetingsTotal: r.total, rtlApproved: r.rtl }]));
  }
}
