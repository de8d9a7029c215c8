import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { formatSheetError, importCampaign, SheetReadError, SqlCampaignDirectory, type CampaignDirectory } from '@mutu/campaign-import';
import type { Actor, Role } from '@mutu/domain';
import { commandSignerFrom } from '@mutu/persistence';
import { launchCampaign, PROJECT_ROOT } from '@mutu/temporal';
import type { DataSource } from 'typeorm';
import { AuditContext } from '../audit/audit-context';
import { progress } from '../progress';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** `mutu import campaign …`: exit 1 on any error in the sheet (usage errors are the parser's, exit 64). */
export async function importCampaignSheet(file: string, opts: { as: string; dryRun?: boolean }): Promise<void> {
  const email = opts.as;
  const dryRun = opts.dryRun === true;
  const bar = progress({ label: 'importing', unit: 'steps', steps: true });
  const step = (done: number, name: string) => bar.update(done, 3, name);
  // The database and Temporal connections are the audit commands' (same configuration, opened lazily).
  const ctx = new AuditContext();
  try {
    step(0, 'reading the sheet');
    const ds = await ctx.db();
    const actor = await actorByEmail(ds, email);
    if (!actor) throw new Error(`no active user with email ${email}`);
    // The operator's tool signs the creation with the stack's command key, as the API would.
    const signer = commandSignerFrom({ COMMAND_SIGNING_KEY: ctx.config.COMMAND_SIGNING_KEY, NODE_ENV: ctx.config.NODE_ENV, dataDir: resolve(PROJECT_ROOT, ctx.config.DATA_DIR) });
    const outcome = await importCampaign(
      { buffer: readFileSync(file), filename: basename(file), actor, dryRun },
      {
        directory: reportingLookups(new SqlCampaignDirectory(ds), () => step(1, 'checking every row against the directory')),
        launch: async (setup, by) => {
          step(2, 'starting the campaign workflow');
          return launchCampaign(await ctx.client(), ctx.config.TEMPORAL_TASK_QUEUE, setup, by, (c) => signer.sign(c));
        },
      },
    );
    step(3, 'done');
    bar.stop();
    if (!outcome.ok) {
      for (const e of outcome.errors) out(formatSheetError(e));
      out(`${file}: ${outcome.errors.length} error(s); nothing was created`);
      process.exitCode = 1;
      return;
    }
    const r = outcome.result;
    out(`${file}: campaign ${r.campaignId}: ${r.clusters} cluster(s), ${r.schools} school(s), ${r.meetings} meeting(s), ${r.teamMembers} team assignment(s)`);
    out(r.dryRun ? 'dry run: the sheet is valid; nothing was created' : r.created ? 'created: the campaign workflow has started' : 'already imported: nothing new was created');
  } catch (e) {
    bar.stop();
    if (!(e instanceof SheetReadError)) throw e;
    out(`${file}: ${e.code} ${e.message}`);
    process.exitCode = 1;
  } finally {
    await ctx.close();
  }
}

/** The directory, telling `onLookup` when the rows are first checked against it. */
function reportingLookups(directory: CampaignDirectory, onLookup: () => void): CampaignDirectory {
  return {
    findSchools: (keys) => (onLookup(), directory.findSchools(keys)),
    findUsers: (emails) => (onLookup(), directory.findUsers(emails)),
    regionExists: (regionId) => (onLookup(), directory.regionExists(regionId)),
  };
}

async function actorByEmail(ds: DataSource, email: string): Promise<Actor | undefined> {
  const rows: { user_id: string; name: string; roles: Role[]; school_ids: string[]; region_ids: string[] }[] = await ds.query(
    'SELECT user_id, name, roles, school_ids, region_ids FROM users WHERE lower(email) = lower($1) AND NOT disabled',
    [email],
  );
  const u = rows[0];
  return u && { userId: u.user_id, name: u.name, roles: u.roles, schoolIds: u.school_ids, regionIds: u.region_ids };
}
