// The one import path, shared by `mutu import campaign` and POST /campaigns/import:
// authorize → read → validate every row → (unless a dry run) launch. Nothing is started unless the
// whole sheet is valid.
import { DomainError, hasRole, type Actor, type CampaignSetup } from '@mutu/domain';
import type { CampaignDirectory } from './campaign-directory';
import { validateCampaignSheet, type CampaignSheetSummary } from './campaign-sheet';
import { readSheet } from './read-sheet';
import type { SheetError } from './sheet-errors';

export interface ImportRequest {
  buffer: Buffer;
  filename: string;
  actor: Actor;
  dryRun: boolean;
}

export interface ImportDeps {
  directory: CampaignDirectory;
  /** Starts the campaign; `alreadyExists` when a campaign with this id was started before. */
  launch: (setup: CampaignSetup, actor: Actor) => Promise<{ alreadyExists: boolean }>;
}

export interface ImportResult extends CampaignSheetSummary {
  campaignId: string;
  /** false on a dry run and when the same sheet was imported before. */
  created: boolean;
  dryRun: boolean;
}

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; errors: SheetError[] };

/** Throws DomainError FORBIDDEN_ROLE for roles that may not organise, SheetReadError for a bad file. */
export async function importCampaign(req: ImportRequest, deps: ImportDeps): Promise<ImportOutcome> {
  if (!hasRole(req.actor, 'admin') && !hasRole(req.actor, 'district_officer')) {
    throw new DomainError('FORBIDDEN_ROLE', 'Only an education office (district officer) or an admin imports a campaign.');
  }
  const rows = await readSheet(req.buffer, req.filename);
  const checked = await validateCampaignSheet(rows, deps.directory, { actor: req.actor });
  if (!checked.ok) return checked;
  const base = { campaignId: checked.setup.campaignId, ...checked.summary, dryRun: req.dryRun };
  if (req.dryRun) return { ok: true, result: { ...base, created: false } };
  const launched = await deps.launch(checked.setup, req.actor);
  return { ok: true, result: { ...base, created: !launched.alreadyExists } };
}
