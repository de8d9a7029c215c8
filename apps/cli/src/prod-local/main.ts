import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { consoleLog, PrerequisiteError } from '@mutu/provisioning';
import { PROJECT_ROOT } from '@mutu/temporal';
import { startTopology, type Topology } from './topology';

/** prod:local's own variables; the replicas' are checked by the config schema when they boot. */
const ProdLocalEnv = z.object({
  PROD_LOCAL_DIR: z.string().min(1).default('.prod'),
  PROD_LOCAL_ARTIFACT_DIR: z.string().min(1).optional(),
  PROD_API_REPLICAS: z.coerce.number().int().min(1).max(16).default(2),
  PROD_WORKER_REPLICAS: z.coerce.number().int().min(1).max(16).default(2),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SEED_DEMO_DATA: z.enum(['true', 'false']).default('false'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('mutu-programs'),
});

/**
 * `npm run prod:local`: the production topology on this machine, as processes. Ctrl-C (SIGINT,
 * SIGTERM, SIGHUP) stops the proxy, the replicas, Temporal and PostgreSQL, in that order.
 */
async function main(): Promise<void> {
  const log = consoleLog;
  const parsed = ProdLocalEnv.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) log(`prod:local: ${String(issue.path[0])} ${issue.message}`);
    process.exit(78);
  }
  const env = parsed.data;
  const dir = resolve(PROJECT_ROOT, env.PROD_LOCAL_DIR);
  const started = Date.now();
  let starting: Promise<Topology> | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    // Ctrl-C while provisioning: let the step under way finish, then stop what was started.
    await starting?.then((t) => t.stop(), () => undefined);
    log('stopped');
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
  try {
    starting = startTopology({
      root: PROJECT_ROOT,
      dir,
      artifactDir: env.PROD_LOCAL_ARTIFACT_DIR ? resolve(PROJECT_ROOT, env.PROD_LOCAL_ARTIFACT_DIR) : join(dir, 'artifact'),
      databaseUrl: env.DATABASE_URL,
      host: env.API_HOST,
      port: env.API_PORT,
      apiReplicas: env.PROD_API_REPLICAS,
      workerReplicas: env.PROD_WORKER_REPLICAS,
      seedDemoData: env.SEED_DEMO_DATA === 'true',
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      env: process.env,
      log,
    });
    const topology = await starting;
    if (stopping) return;
    log(`Mutu (production topology) ${topology.url}  — OpenAPI ${topology.url}/docs; provisioned in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (env.SEED_DEMO_DATA === 'true') log(`demo users: see README; their password is DEMO_PASSWORD in ${join(dir, 'secrets.json')}`);
    log('Ctrl-C stops everything');
  } catch (e) {
    if (e instanceof PrerequisiteError) log(e.message);
    else log(`prod:local failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    await stop(1);
  }
}

void main();
