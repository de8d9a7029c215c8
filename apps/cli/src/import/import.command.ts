import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { formatSheetError, importCampaign, SheetReadError, SqlCampaignDirectory } from '@mutu/campaign-import';
import type { Actor, Role } from '@mutu/domain';
import { commandSignerFrom } from '@mutu/persistence';
import { launchCampaign, PROJECT_ROOT } from '@mutu/temporal';
import type { DataSource } from 'typeorm';
import { AuditContext, flag } from '../audit/audit-context';

const USAGE = `usage: mutu import campaign <file.csv|file.xlsx> --as <organiser email> [--dry-run]

  Validates every row of the sheet and prints every error with its row; starts the campaign only
  when the whole sheet is valid (the same sheet again starts nothing new). See libs/campaign-import/README.md.
`;

const out = (line: string) => process.stdout.write(`${line}\n`);

/** `mutu import campaign …`: exit 1 on any error in the sheet, 64 on a usage error. */
export async function importCommand(args: string[]): Promise<void> {
  const [what, ...rest] = args;
  const email = flag(rest, '--as');
  const file = rest.find((a) => !a.startsWith('--') && a !== email);
  if (what !== 'campaign' || !file || !email) {
    process.stderr.write(USAGE);
    process.exitCode = what ? 64 : 0;
    return;
  }
  const dryRun = rest.includes('--dry-run');
  // The database and Temporal connections are the audit commands' (same configuration, opened lazily).
  const ctx = new AuditContext();
  try {
    const ds = await ctx.db();
    const actor = await actorByEmail(ds, email);
    if (!actor) throw new Error(`no active user with email ${email}`);
    // The operator's tool signs the creation with the stack's command key, as the API would.
    const signer = commandSignerFrom({ COMMAND_SIGNING_KEY: ctx.config.COMMAND_SIGNING_KEY, NODE_ENV: ctx.config.NODE_ENV, dataDir: resolve(PROJECT_ROOT, ctx.config.DATA_DIR) });
    const outcome = await importCampaign(
      { buffer: readFileSync(file), filename: basename(file), actor, dryRun },
      {
        directory: new SqlCampaignDirectory(ds),
        launch: async (setup, by) => launchCampaign(await ctx.client(), ctx.config.TEMPORAL_TASK_QUEUE, setup, by, (c) => signer.sign(c)),
      },
    );
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
    if (!(e instanceof SheetReadError)) throw e;
    out(`${file}: ${e.code} ${e.message}`);
    process.exitCode = 1;
  } finally {
    await ctx.close();
  }
}

async function actorByEmail(ds: DataSource, email: string): Promise<Actor | undefined> {
  const rows: { user_id: string; name: string; roles: Role[]; school_ids: string[]; region_ids: string[] }[] = await ds.query(
    'SELECT user_id, name, roles, school_ids, region_ids FROM users WHERE lower(email) = lower($1) AND NOT disabled',
    [email],
  );
  const u = rows[0];
  return u && { userId: u.user_id, name: u.name, roles: u.roles, schoolIds: u.school_ids, regionIds: u.region_ids };
}
