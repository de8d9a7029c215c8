// Shared by the campaign e2e tests: a campaign over the demo schools, started through the real
// launcher on the stack's task queue, and waited for until its clusters are open.
import { Client, Connection } from '@temporalio/client';
import type { Actor, CampaignSetup } from '@mutu/domain';
import { DEFAULT_MATERIALS } from '@mutu/domain';
import { launchCampaign } from '@mutu/temporal';
import type { DataSource } from 'typeorm';
import type { TestStack } from '../support/stack';
import { testCommandSigner } from '../support/command-signing';

const dayMs = 86_400_000;
/** A local date relative to today (Jakarta), so the period always contains today. */
export const daysFromToday = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * dayMs).toISOString().slice(0, 10);

export interface CampaignSchools {
  regionId: string;
  core: { schoolId: string; name: string };
  impact: { schoolId: string; name: string };
}

export const JAKTIM: CampaignSchools = {
  regionId: 'reg-jaktim',
  core: { schoolId: 'sch-sdn-cipinang-01', name: 'SD Negeri Cipinang 01' },
  impact: { schoolId: 'sch-smpn-duren-02', name: 'SMP Negeri Duren Sawit 02' },
};

/** One cluster of two schools; meeting 1 two days ago at the core school, meeting 2 next week. */
export function twoSchoolCampaign(campaignId: string, schools: CampaignSchools, organiserId: string, team: CampaignSetup['clusters'][number]['team']): CampaignSetup {
  return {
    campaignId,
    title: 'Pendampingan Budaya Mutu (uji)',
    regionId: schools.regionId,
    organiser: 'LPMP DKI Jakarta',
    organiserIds: [organiserId],
    timeZone: 'Asia/Jakarta',
    period: { start: daysFromToday(-30), end: daysFromToday(30) },
    materials: DEFAULT_MATERIALS.map((m) => ({ ...m })),
    clusters: [
      {
        clusterId: 'K01',
        name: 'Klaster K01',
        schools: [
          { ...schools.core, regionId: schools.regionId, position: 0 },
          { ...schools.impact, regionId: schools.regionId, position: 1 },
        ],
        team,
        meetings: [
          { number: 1, date: daysFromToday(-2) },
          { number: 2, date: daysFromToday(7) },
        ],
      },
    ],
  };
}

export async function launchTestCampaign(stack: TestStack, db: DataSource, setup: CampaignSetup, createdBy: Actor): Promise<void> {
  const connection = await Connection.connect({ address: stack.config.TEMPORAL_ADDRESS });
  try {
    await launchCampaign(new Client({ connection, namespace: stack.config.TEMPORAL_NAMESPACE }), stack.config.TEMPORAL_TASK_QUEUE, setup, createdBy, (c) => testCommandSigner(stack.config).sign(c));
  } finally {
    await connection.close();
  }
  for (let i = 0; i < 200; i++) {
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM campaign_clusters WHERE campaign_id = $1', [setup.campaignId]);
    if (n === setup.clusters.length) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`campaign ${setup.campaignId}: clusters did not open`);
}
