import { foldCluster, initialClusterState, type CampaignEvent, type CampaignSetup, type ClusterEvent, type ClusterState } from '@mutu/domain';
import type { EntityManager } from 'typeorm';
import type { Projector, StoredEvent } from '../event-store/event-store.types';

export const CAMPAIGN_STREAM_PREFIX = 'campaign-';
export const CLUSTER_STREAM_PREFIX = 'cluster-';

/** `campaigns`, `campaign_members`, `campaign_schools` and `campaign_clusters` as folds of the events. */
export class CampaignProjector implements Projector {
  readonly name = 'campaigns';
  readonly tables = ['campaign_members', 'campaign_schools', 'campaign_clusters', 'campaigns'] as const;

  async apply(tx: EntityManager, streamId: string, events: StoredEvent[]): Promise<void> {
    if (streamId.startsWith(CAMPAIGN_STREAM_PREFIX)) await this.applyCampaign(tx, events);
    else if (streamId.startsWith(CLUSTER_STREAM_PREFIX)) await this.applyCluster(tx, streamId, events);
  }

  private async applyCampaign(tx: EntityManager, events: StoredEvent[]): Promise<void> {
    for (const stored of events) {
      const e = { type: stored.type, v: 1, data: stored.data } as CampaignEvent;
      switch (e.type) {
        case 'CampaignCreated':
          await this.insertCampaign(tx, e.data.setup, e.data.by, e.data.at);
          break;
        case 'CampaignClusterCompleted':
          await tx.query('UPDATE campaigns SET clusters_completed = clusters_completed + 1 WHERE campaign_id = $1', [campaignIdOf(stored)]);
          break;
        case 'CampaignClosed':
          await tx.query(`UPDATE campaigns SET status = 'closed', closed_at = $2 WHERE campaign_id = $1`, [campaignIdOf(stored), e.data.at]);
          break;
      }
    }
  }

  private async insertCampaign(tx: EntityManager, setup: CampaignSetup, by: string, at: string): Promise<void> {
    const schools = setup.clusters.flatMap((c) => c.schools.map((s) => ({ cluster: c.clusterId, ...s })));
    await tx.query(
      `INSERT INTO campaigns (campaign_id, title, organiser, region_id, time_zone, period_start, period_end, materials, status,
         cluster_count, school_count, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, 'open', $9, $10, $11, $12)`,
      [setup.campaignId, setup.title, setup.organiser, setup.regionId, setup.timeZone, setup.period.start, setup.period.end,
        JSON.stringify(setup.materials), setup.clusters.length, schools.length, by, at],
    );
    const members = [
      ...setup.organiserIds.map((userId) => ({ cluster: '', userId, role: 'organiser' })),
      ...setup.clusters.flatMap((c) => c.team.map((t) => ({ cluster: c.clusterId, userId: t.userId, role: t.role }))),
    ];
    await tx.query(
      `INSERT INTO campaign_members (campaign_id, cluster_id, user_id, role)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
      [setup.campaignId, members.map((m) => m.cluster), members.map((m) => m.userId), members.map((m) => m.role)],
    );
    await tx.query(
      `INSERT INTO campaign_schools (campaign_id, cluster_id, school_id, position)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[])`,
      [setup.campaignId, schools.map((s) => s.cluster), schools.map((s) => s.schoolId), schools.map((s) => s.position)],
    );
  }

  private async applyCluster(tx: EntityManager, streamId: string, events: StoredEvent[]): Promise<void> {
    const rows: { state: ClusterState }[] = await tx.query('SELECT state FROM campaign_clusters WHERE stream_id = $1', [streamId]);
    const state = foldCluster(events.map((e) => ({ type: e.type, v: 1, data: e.data }) as ClusterEvent), rows[0]?.state ?? initialClusterState());
    if (state.status === 'none') return;
    const last = events[events.length - 1];
    await tx.query(
      `INSERT INTO campaign_clusters (campaign_id, cluster_id, stream_id, name, status, state, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)
       ON CONFLICT (campaign_id, cluster_id) DO UPDATE SET status = EXCLUDED.status, state = EXCLUDED.state,
         version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
      [state.campaignId, state.clusterId, streamId, state.name, state.status, JSON.stringify(state), last.version, last.occurredAt],
    );
  }
}

function campaignIdOf(e: StoredEvent): string {
  return e.streamId.slice(CAMPAIGN_STREAM_PREFIX.length);
}
