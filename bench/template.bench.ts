import { DataSource } from 'typeorm';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@mutu/config';
import { DEFAULT_APPROVAL_POLICY, templateProgramCommand, type Actor, type StartProgramTemplatePayload } from '@mutu/domain';
import { programTemplateWorkflow, programTemplateWorkflowId, programWorkflow, programWorkflowId } from '@mutu/workflows';
import { createWorker } from '../apps/worker/src/create-worker';
import { apiCommandSigner } from '../apps/api/src/programs/command-delivery';
import { templateStartInput } from '../apps/api/src/program-templates/start-template.usecase';
import { benchEnv, report, type BenchRow } from './support/bench-env';

/**
 * Starting a program template at N schools (default 2,000): the time from starting the template's
 * workflow (which records the signed start, then fans out through batch workflows of 50, each
 * starting its schools' program workflows as children) until every program is recorded in the
 * read model; against the same N program workflows started bare from the client (64 concurrent
 * `workflow.start`, each with its CreateProgram in the start input, as the children get it) to the
 * same point. Alternating rounds in one run; the better of each is reported.
 * `npm run bench -- template [schools]`; env BENCH_SCHOOLS, BENCH_ROUNDS (default 2).
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function parallel(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < n) await fn(next++); }));
}

export async function main(args: string[]): Promise<void> {
  const schools = Number(args[0] ?? process.env.BENCH_SCHOOLS ?? 2000);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  const env = await benchEnv({ postgres: true, temporal: true });
  const run = Date.now().toString(36);
  const config = loadConfig({
    ...process.env, DATABASE_URL: env.pg!.url, TEMPORAL_ADDRESS: env.temporal!.address, TEMPORAL_TASK_QUEUE: `bench-template-${run}`,
    LOG_LEVEL: 'error', NODE_ENV: 'development', SEED_DEMO_DATA: 'false', DATABASE_POOL_SIZE: '10',
  });
  const connection = await Connection.connect({ address: env.temporal!.address });
  const client = new Client({ connection });
  const signer = apiCommandSigner(config);
  const worker = await createWorker(config, { dispatcher: false });
  const running = worker.run();
  try {
    const ds = worker.app.get(DataSource);
    const office: Actor = { userId: `bench-dinas-${run}`, roles: ['district_officer'], schoolIds: [], regionIds: ['reg-bench'] };
    const year = new Date().getUTCFullYear() + 1;
    const payloadOf = (templateId: string, n: number): StartProgramTemplatePayload => ({
      template: {
        templateId, title: 'Gerakan literasi sekolah', budgetYear: year,
        plan: { objectives: ['Literasi kelas awal'], standard: 'proses', indicators: ['80% siswa membaca lancar'], activities: [
          { id: 'a1', title: 'Pelatihan guru', kind: 'teacher_training', window: { start: `${year}-03-02`, end: `${year}-03-20` }, budget: { line: 'Pengembangan Perpustakaan', amount: 4_000_000, component: 'perpustakaan' }, location: 'Sekolah', requiredEvidence: ['photo'] },
        ] },
      },
      schools: Array.from({ length: n }, (_, i) => ({ schoolId: `sch-${i}`, name: `SD Negeri ${i}`, regionId: 'reg-bench', timeZone: 'Asia/Jakarta', policyKey: 'default' })),
      policies: { default: { policy: DEFAULT_APPROVAL_POLICY, ref: { scope: 'default', regionId: 'reg-bench', schoolId: null, version: 0 } } },
    });
    const recorded = async (prefix: string): Promise<number> =>
      (await ds.query(`SELECT count(*)::int AS n FROM programs WHERE program_id LIKE $1`, [`${prefix}%`]))[0].n;
    const untilRecorded = async (prefix: string, n: number) => {
      while ((await recorded(prefix)) < n) await sleep(25);
    };

    /** The template's workflow fans out; seconds until every program is recorded. */
    const viaTemplate = async (label: string, n: number) => {
      const templateId = `b${run}-${label}`;
      const input = { ...templateStartInput(signer, office, payloadOf(templateId, n), new Date().toISOString()), indexPrograms: false };
      const t0 = Date.now();
      await client.workflow.start(programTemplateWorkflow, { taskQueue: config.TEMPORAL_TASK_QUEUE, workflowId: programTemplateWorkflowId(templateId), args: [input] });
      await untilRecorded(`tpl-${templateId}-`, n);
      return { seconds: (Date.now() - t0) / 1000 };
    };
    /** The same programs started bare from the client, each with its creation in the start input. */
    const bare = async (label: string, n: number) => {
      const payload = payloadOf(`b${run}-${label}`, n);
      const now = new Date().toISOString();
      const t0 = Date.now();
      await parallel(n, 64, async (i) => {
        const create = templateProgramCommand(payload, payload.schools[i], now);
        const programId = create.payload.programId;
        await client.workflow.start(programWorkflow, { taskQueue: config.TEMPORAL_TASK_QUEUE, workflowId: programWorkflowId(programId), args: [{ programId, create, indexStage: false }] });
      });
      const startedSeconds = (Date.now() - t0) / 1000;
      await untilRecorded(`tpl-${payload.template.templateId}-`, n);
      return { seconds: (Date.now() - t0) / 1000, startedSeconds };
    };

    await viaTemplate('warm-t', 20);
    await bare('warm-b', 20);
    const t: { seconds: number }[] = [];
    const b: { seconds: number; startedSeconds: number }[] = [];
    for (let r = 1; r <= rounds; r++) {
      t.push(await viaTemplate(`t${r}`, schools));
      b.push(await bare(`b${r}`, schools));
    }
    const bestT = t.reduce((x, y) => (y.seconds < x.seconds ? y : x));
    const bestB = b.reduce((x, y) => (y.seconds < x.seconds ? y : x));
    const rate = schools / bestT.seconds;
    const bareRate = schools / bestB.seconds;
    const rows: BenchRow[] = [
      { name: `template at ${schools} schools: start → every program recorded`, value: bestT.seconds, unit: 's', baseline: { name: `${schools} bare workflow.start → recorded`, value: bestB.seconds } },
      { name: 'programs started and recorded per second', value: rate, unit: '/s', baseline: { name: 'bare workflow.start', value: bareRate }, target: '≥ 0.7× bare', pass: rate >= 0.7 * bareRate },
    ];
    report('template', rows, {
      schools,
      runs: { template: t, bare: b },
      method: 'dev server (SQLite) + one worker in the bench process; alternating rounds, better of each; the machine was shared with other jobs',
    });
  } finally {
    worker.shutdown();
    await running.catch(() => undefined);
    await connection.close();
    await env.stop();
  }
}
