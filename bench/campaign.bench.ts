import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@mutu/config';
import { decideCampaign, initialCampaignState, type Actor, type CampaignSetup } from '@mutu/domain';
import { seedCampaignSetup } from '@mutu/domain/testing';
import { commandSignerFrom, EventStore } from '@mutu/persistence';
import { launchCampaign, PROJECT_ROOT } from '@mutu/temporal';
import { campaignWorkflowId, clusterBatchWorkflowId, clusterInputOf, clusterWorkflowId, DEFAULT_FAN_OUT, mentoringClusterWorkflow } from '@mutu/workflows';
import { createWorker } from '../apps/worker/src/create-worker';
import { benchEnv, report, type BenchRow } from './support/bench-env';

/**
 * Fan-out of a mentoring campaign (dev server): the time from launching a campaign of N clusters
 * (default 500, so 2,000 schools) until every cluster workflow is open — started as a child of
 * the campaign (or of its batch workflows beyond 50 clusters), its ClusterOpened recorded and its
 * meeting schedule computed —, as child workflows/s; against
 * the same N cluster workflows started bare from the client (64 concurrent starts), after the
 * same CampaignCreated append, to the same point. Both are measured twice, alternating, in one
 * run; the better of each is reported. `npm run bench -- campaign [clusters]`; env BENCH_CLUSTERS.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function parallel(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < n) await fn(next++); }));
}

export async function main(args: string[]): Promise<void> {
  const clusters = Number(args[0] ?? process.env.BENCH_CLUSTERS ?? 500);
  const env = await benchEnv({ postgres: true, temporal: true });
  const run = Date.now().toString(36);
  const config = loadConfig({
    ...process.env, DATABASE_URL: env.pg!.url, TEMPORAL_ADDRESS: env.temporal!.address, TEMPORAL_TASK_QUEUE: `bench-campaign-${run}`,
    LOG_LEVEL: 'error', NODE_ENV: 'development', SEED_DEMO_DATA: 'false', DATABASE_POOL_SIZE: '10',
  });
  const connection = await Connection.connect({ address: env.temporal!.address });
  const client = new Client({ connection });
  const signer = commandSignerFrom({ COMMAND_SIGNING_KEY: config.COMMAND_SIGNING_KEY, NODE_ENV: config.NODE_ENV, dataDir: resolve(PROJECT_ROOT, config.DATA_DIR) });
  const worker = await createWorker(config, { dispatcher: false });
  const running = worker.run();
  try {
    const ds = worker.app.get(DataSource);
    const store = worker.app.get(EventStore);
    const organiser: Actor = { userId: `bench-lpmp-${run}`, roles: ['admin'], schoolIds: [], regionIds: [] };
    const year = new Date().getUTCFullYear() + 1;
    const setupOf = (label: string, n: number): CampaignSetup =>
      seedCampaignSetup(`b${run}-${label}`, 'reg-bench', {
        organiser: organiser.userId,
        district: `bench-dinas-${run}`,
        trainer: (i) => `bench-wi-${i % 5}`,
        supervisor: (i) => `bench-pengawas-${i}`,
        agencyStaff: (i) => `bench-fpmp-${i % 7}`,
        principal: (schoolId) => `${schoolId}-kepsek`,
      }, n, 3, year);
    const openClusters = async (campaignId: string): Promise<number> =>
      (await ds.query('SELECT count(*)::int AS n FROM campaign_clusters WHERE campaign_id = $1', [campaignId]))[0].n;
    const untilOpen = async (setup: CampaignSetup) => {
      while ((await openClusters(setup.campaignId)) < setup.clusters.length) await sleep(25);
    };

    /** The parent workflow fans out; seconds until every cluster is open, and until all children started. */
    const viaCampaign = async (label: string, n: number) => {
      const setup = setupOf(label, n);
      const t0 = Date.now();
      await launchCampaign(client, config.TEMPORAL_TASK_QUEUE, setup, organiser, (c) => signer.sign(c));
      await untilOpen(setup);
      const seconds = (Date.now() - t0) / 1000;
      // Cluster starts are recorded by the parent (small campaigns) or by its batch workflows.
      const batches = n > DEFAULT_FAN_OUT.direct ? Math.ceil(n / DEFAULT_FAN_OUT.batchSize) : 0;
      const starters = [campaignWorkflowId(setup.campaignId), ...Array.from({ length: batches }, (_, k) => clusterBatchWorkflowId(setup.campaignId, k + 1))];
      const events = (await Promise.all(starters.map(async (id) => (await client.workflow.getHandle(id).fetchHistory()).events ?? []))).flat();
      const started = events.filter((e) => e.childWorkflowExecutionStartedEventAttributes?.workflowType?.name === 'mentoringClusterWorkflow');
      const lastStarted = started.reduce((max, e) => Math.max(max, Number(e.eventTime?.seconds ?? 0) * 1000 + Math.round((e.eventTime?.nanos ?? 0) / 1e6)), 0);
      return { seconds, childrenStartedSeconds: (lastStarted - t0) / 1000, children: started.length, batches };
    };
    /** The same clusters started from the client, after the campaign's own first append. */
    const bare = async (label: string, n: number) => {
      const setup = setupOf(label, n);
      const [created] = decideCampaign({ commandId: `campaign-create:${setup.campaignId}`, type: 'CreateCampaign', actor: organiser, now: new Date().toISOString(), payload: { setup } }, initialCampaignState());
      const t0 = Date.now();
      await store.append({ streamId: `campaign-${setup.campaignId}`, expectedVersion: 0, commandId: `campaign-create:${setup.campaignId}`, events: [created as never], metadata: {}, occurredAt: new Date().toISOString() });
      await parallel(n, 64, async (i) => {
        const cluster = setup.clusters[i];
        await client.workflow.start(mentoringClusterWorkflow, {
          taskQueue: config.TEMPORAL_TASK_QUEUE,
          workflowId: clusterWorkflowId(setup.campaignId, cluster.clusterId),
          args: [clusterInputOf(setup, cluster)],
        });
      });
      const startedSeconds = (Date.now() - t0) / 1000;
      await untilOpen(setup);
      return { seconds: (Date.now() - t0) / 1000, startedSeconds };
    };

    await viaCampaign('warm-c', 20);
    await bare('warm-b', 20);
    const c1 = await viaCampaign('c1', clusters);
    const b1 = await bare('b1', clusters);
    const c2 = await viaCampaign('c2', clusters);
    const b2 = await bare('b2', clusters);
    const c = c1.seconds <= c2.seconds ? c1 : c2;
    const b = b1.seconds <= b2.seconds ? b1 : b2;
    const fanOut = clusters / c.seconds;
    const bareRate = clusters / b.seconds;
    const rows: BenchRow[] = [
      { name: `campaign of ${clusters} clusters (${clusters * 4} schools): launch → every cluster open`, value: c.seconds, unit: 's', baseline: { name: `${clusters} bare client starts → open`, value: b.seconds } },
      { name: 'fan-out rate (child workflows open/s)', value: fanOut, unit: '/s', baseline: { name: 'bare starts open/s', value: bareRate }, target: '≥ 0.7× bare', pass: fanOut >= 0.7 * bareRate },
      { name: 'launch → last cluster workflow started (parent/batch histories)', value: c.childrenStartedSeconds, unit: 's', baseline: { name: 'last bare start acknowledged', value: b.startedSeconds } },
    ];
    report('campaign', rows, {
      clusters,
      schools: clusters * 4,
      runs: { campaign: [c1, c2], bare: [b1, b2] },
      childrenStarted: c.children,
      method: 'dev server (SQLite) + one worker in the bench process; better of two alternating runs each',
    });
  } finally {
    worker.shutdown();
    await running.catch(() => undefined);
    await connection.close();
    await env.stop();
  }
}
