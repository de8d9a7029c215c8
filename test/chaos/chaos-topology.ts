// The production topology of `npm run prod:local` (startTopology, the same code), started in this
// process so the fault suite holds its handles: the replicas, the Temporal server and PostgreSQL,
// which it restarts as a supervisor would (same data directory, same ports). The replicas send
// their email to a real SMTP server started here, whose messages are parsed back.
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort, provisionPostgres, type PostgresHandle } from '@mutu/provisioning';
import { startTopology, type Topology } from '../../apps/cli/src/prod-local/topology';

export const ROOT = resolve(__dirname, '..', '..');

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
}

export interface ChaosTopology {
  t: Topology;
  url: string;
  demoPassword: string;
  ownerUrl: string;
  mails: ReceivedMail[];
  /** PostgreSQL stopped (fast shutdown) and started again on its data directory and port after `downMs`. */
  restartPostgres(downMs: number): Promise<void>;
  /** The Temporal server stopped (SIGTERM or SIGKILL) and started again on its ports and databases. */
  restartTemporal(signal: NodeJS.Signals): Promise<void>;
  /** Times a supervisor found the Temporal server dead and started it. */
  temporalRevivals(): number;
  stop(): Promise<void>;
}

/** `logsDir` receives the replicas' and the Temporal server's logs when the topology stops. */
export async function startChaosTopology(log: (line: string) => void, logsDir: string): Promise<ChaosTopology> {
  const mails: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((m) => {
          mails.push({ messageId: m.messageId ?? '', to: (m.to as { text: string } | undefined)?.text ?? '', subject: m.subject ?? '' });
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const closeSmtp = () => new Promise<void>((r) => smtp.close(() => r()));

  const dir = mkdtempSync(join(tmpdir(), 'mutu-chaos-'));
  // Open to the account embedded PostgreSQL runs as (when the tests run as root).
  chmodSync(dir, 0o755);
  // A fixed port: the replicas' DATABASE_URL must stay right across a restart of PostgreSQL.
  // Only what an operator's shell would hold: the test run's own settings (LOG_LEVEL=silent, its
  // DATABASE_URL...) must not reach the replicas, whose readiness is read from their logs.
  const inherited = ['PATH', 'HOME', 'MUTU_CACHE_DIR', 'XDG_CACHE_HOME', 'CHROMIUM_PATH'].filter((k) => process.env[k]);
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(inherited.map((k) => [k, process.env[k]])),
    MUTU_POSTGRES_PORT: String(await freePort()),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String((smtp.server.address() as AddressInfo).port),
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(join(ROOT, 'scripts', 'build.js')) as { build(o: { log(l: string): void }): void }).build({ log });
  let t: Topology;
  try {
    t = await startTopology({
      root: ROOT,
      dir,
      artifactDir: join(ROOT, '.prod', 'artifact'),
      host: '127.0.0.1',
      port: 0,
      apiReplicas: 2,
      workerReplicas: 2,
      seedDemoData: true,
      namespace: 'default',
      taskQueue: 'mutu-programs',
      env,
      log,
    });
  } catch (e) {
    await closeSmtp();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }

  let pg: PostgresHandle = t.pg;
  let stopped = false;
  let revivals = 0;
  let restarting: Promise<void> | undefined;
  // A supervisor's watch over the Temporal server: started again whenever it is found dead.
  const watchdog = setInterval(() => {
    const pid = t.temporal.pid();
    if (stopped || restarting || pid === undefined || alive(pid)) return;
    revivals++;
    log(`Temporal server (pid ${pid}) found dead; starting it again`);
    restarting = t.temporal.restart().finally(() => (restarting = undefined));
  }, 1_000);

  return {
    t,
    url: t.url,
    demoPassword: t.secrets.DEMO_PASSWORD,
    ownerUrl: t.ownerDatabaseUrl,
    mails,
    async restartPostgres(downMs) {
      await pg.stop();
      await new Promise((r) => setTimeout(r, downMs));
      pg = await provisionPostgres({ dataDir: join(dir, 'pg'), log, env });
    },
    async restartTemporal(signal) {
      while (restarting) await restarting;
      restarting = t.temporal.restart(signal);
      try {
        await restarting;
      } finally {
        restarting = undefined;
      }
    },
    temporalRevivals: () => revivals,
    async stop() {
      stopped = true;
      clearInterval(watchdog);
      await restarting?.catch(() => undefined);
      // The topology stops what it started; PostgreSQL here is the restarted one when it was restarted.
      await t.stop();
      await pg.stop();
      await closeSmtp();
      // The processes' logs outlive the run, for whoever reads a failure.
      for (const [from, to] of [['logs', '.'], ['temporal/temporal-server.log', 'temporal-server.log']]) {
        if (existsSync(join(dir, from))) cpSync(join(dir, from), join(logsDir, to), { recursive: true });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
