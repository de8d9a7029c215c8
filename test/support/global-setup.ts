import { randomBytes } from 'node:crypto';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '@jest/types';
import { consoleLog, ensureApplicationRole, PrerequisiteError, provisionPostgres, provisionTemporal, resolveChromium, resolveTimeSkippingServer } from '../../libs/provisioning/src';
import { writeWorkflowBundle } from '../../libs/temporal/src/write-bundle';
import { migrateAsOwner } from '../../libs/persistence/src/data-source';

/** Unit tests need nothing provisioned: skip the servers when only they run. */
function onlyUnitSelected(argv: string[]): boolean {
  const i = argv.indexOf('--selectProjects');
  if (i < 0) return false;
  const selected: string[] = [];
  for (let j = i + 1; j < argv.length && !argv[j].startsWith('-'); j++) selected.push(argv[j]);
  return selected.length > 0 && selected.every((p) => p === 'unit');
}

interface Provisioned {
  stops: (() => Promise<void>)[];
}

/**
 * Provisions once per `npm test` run: a throwaway PostgreSQL, an in-memory Temporal dev server,
 * the time-skipping server's executable, and the workflow bundle. Tests read them from env.
 */
export default async function globalSetup(_globalConfig: Config.GlobalConfig): Promise<void> {
  if (onlyUnitSelected(process.argv)) return;
  const log = (line: string) => consoleLog(`test setup: ${line}`);
  const provisioned: Provisioned = { stops: [] };
  (globalThis as { __MUTU__?: Provisioned }).__MUTU__ = provisioned;
  try {
    await provision(provisioned, log);
  } catch (e) {
    // One sentence and exit 1, with whatever was already started stopped: jest would otherwise
    // print a stack trace and leave the servers running.
    for (const stop of provisioned.stops.reverse()) await stop().catch(() => undefined);
    const message = e instanceof PrerequisiteError ? e.message : `provisioning failed: ${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(`[mutu] test setup: ${message}\n`);
    process.exit(1);
  }
}

async function provision(provisioned: Provisioned, log: (line: string) => void): Promise<void> {
  const pg = await provisionPostgres({ databaseUrl: process.env.DATABASE_URL, log });
  provisioned.stops.push(() => pg.stop());
  // Migrations run as the owner (initdb's role, or DATABASE_OWNER_URL); every process and test
  // connects as the application role, which cannot rewrite events. Tamper tests use the owner URL.
  // An owner URL belongs to a given DATABASE_URL; with the embedded server, its initdb role owns.
  const ownerUrl = pg.source === 'DATABASE_URL' ? (process.env.DATABASE_OWNER_URL ?? pg.url) : pg.url;
  await migrateAsOwner(ownerUrl);
  process.env.DATABASE_OWNER_URL = ownerUrl;
  process.env.DATABASE_URL = (await ensureApplicationRole(ownerUrl, { log })).url;

  const temporal = await provisionTemporal({ address: process.env.TEMPORAL_ADDRESS, namespace: 'default', log, env: process.env });
  provisioned.stops.push(() => temporal.stop());
  process.env.TEMPORAL_ADDRESS = temporal.address;

  const testServer = resolveTimeSkippingServer(log);
  if (testServer.type === 'existing-path') process.env.TEMPORAL_TEST_SERVER_PATH = testServer.path;

  // Browser tests and the PDF report launch this one.
  process.env.CHROMIUM_PATH = await resolveChromium(log);

  const started = Date.now();
  const bundlePath = join(mkdtempSync(join(tmpdir(), 'mutu-bundle-')), 'workflow-bundle.js');
  await writeWorkflowBundle(bundlePath);
  process.env.MUTU_WORKFLOW_BUNDLE = bundlePath;
  log(`workflow bundle built once in ${Date.now() - started} ms`);
  // One audit key for every stack of the run, as one deployment has: a checkpoint signed by one
  // test's API is then verified by another's (a foreign key is itself reported as tampering).
  process.env.AUDIT_SIGNING_KEY ??= generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  process.env.SEED_DEMO_DATA = 'true';
  // One command signing key for every API, worker and test of this run (they verify each other's).
  process.env.COMMAND_SIGNING_KEY ??= randomBytes(32).toString('base64url');
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
}
