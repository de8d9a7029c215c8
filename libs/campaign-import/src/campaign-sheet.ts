// validateCampaignSheet: every row read, every cross-row rule checked, every lookup done (one query
// per kind), and only when nothing at all is wrong, the CampaignSetup the domain accepts.
import { CampaignSetupSchema, campaignSetupIssues, hasRole, type Actor, type CampaignSetup } from '@mutu/domain';
import { campaignIdOf } from './campaign-id';
import type { CampaignDirectory, DirectorySchool, DirectoryUser, Resolved } from './campaign-directory';
import { checkClusterShape, type ClusterDraft } from './cluster-shape';
import { SheetErrors, type SheetError } from './sheet-errors';
import { readRows, type CampaignRecord, type SheetRecord } from './sheet-rows';
import { buildSetup, setupIssueRow } from './setup-builder';

export interface CampaignSheetOptions {
  /** The importing user: becomes the organiser; scopes which regions, schools and users exist. */
  actor: Actor;
}

export interface CampaignSheetSummary {
  clusters: number;
  schools: number;
  meetings: number;
  /** Team assignments (a person on two clusters' teams counts twice). */
  teamMembers: number;
}

export type CampaignSheetResult =
  | { ok: true; setup: CampaignSetup; summary: CampaignSheetSummary }
  | { ok: false; errors: SheetError[] };

export async function validateCampaignSheet(rows: string[][], directory: CampaignDirectory, opts: CampaignSheetOptions): Promise<CampaignSheetResult> {
  const errors = new SheetErrors();
  const { header, records, normalized } = readRows(rows, errors);
  if (!header) return { ok: false, errors: errors.sorted() };
  const campaign = oneCampaignRow(records, errors);
  if (campaign?.regionId !== undefined && !(await regionVisible(directory, campaign.regionId, opts.actor))) {
    // Same answer for a region that does not exist and one outside the importer's scope.
    errors.add(campaign.row, 'UNKNOWN_REGION', `Region ${campaign.regionId} not found.`, 'region');
  }
  const clusters = draftClusters(records);
  // Meetings are held against the period only when it is one (a reversed period is reported once).
  const period = campaign?.start && campaign.end && campaign.start <= campaign.end ? { start: campaign.start, end: campaign.end } : {};
  for (const c of clusters) checkClusterShape(c, period, errors);
  const resolved = await resolve(records, directory, opts.actor, errors);
  if (errors.count > 0 || !campaign) return { ok: false, errors: errors.sorted() };

  const setup = buildSetup(campaignIdOf(normalized), campaign, clusters, resolved, opts.actor);
  // The backstop: whatever the domain would refuse and the checks above missed, still on a row.
  const parsed = CampaignSetupSchema.safeParse(setup);
  const issues = parsed.success
    ? campaignSetupIssues(parsed.data).map((i) => ({ path: i.path.split('.'), message: i.message }))
    : parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
  for (const i of issues) errors.add(setupIssueRow(i.path, campaign, clusters), 'INVALID_SETUP', `${i.path.join('.')}: ${i.message}`);
  if (errors.count > 0 || !parsed.success) return { ok: false, errors: errors.sorted() };
  const summary = {
    clusters: parsed.data.clusters.length,
    schools: parsed.data.clusters.reduce((n, c) => n + c.schools.length, 0),
    meetings: parsed.data.clusters.reduce((n, c) => n + c.meetings.length, 0),
    teamMembers: parsed.data.clusters.reduce((n, c) => n + c.team.length, 0),
  };
  return { ok: true, setup: parsed.data, summary };
}

function oneCampaignRow(records: SheetRecord[], errors: SheetErrors): CampaignRecord | undefined {
  const rows = records.filter((r): r is CampaignRecord => r.kind === 'campaign');
  if (rows.length === 0) errors.add(1, 'MISSING_CAMPAIGN_ROW', 'The sheet needs one campaign row (title, start, end, region, organiser).');
  for (const extra of rows.slice(1)) errors.add(extra.row, 'DUPLICATE_CAMPAIGN_ROW', `The campaign is already described on row ${rows[0].row}.`, 'record');
  return rows[0];
}

async function regionVisible(directory: CampaignDirectory, regionId: string, actor: Actor): Promise<boolean> {
  if (!hasRole(actor, 'admin') && !actor.regionIds.includes(regionId)) return false;
  return directory.regionExists(regionId);
}

/** Clusters in the order the sheet first names them. */
function draftClusters(records: SheetRecord[]): ClusterDraft[] {
  const byCode = new Map<string, ClusterDraft>();
  for (const r of records) {
    if (r.kind === 'campaign') continue;
    let c = byCode.get(r.cluster);
    if (!c) byCode.set(r.cluster, (c = { code: r.cluster, firstRow: r.row, schools: [], meetings: [], team: [] }));
    if (r.kind === 'school') c.schools.push(r);
    else if (r.kind === 'meeting') c.meetings.push(r);
    else c.team.push(r);
  }
  return [...byCode.values()];
}

/**
 * Looks up every school and user of the sheet in one query each. A district officer sees the
 * schools of their regions and the users of those regions or of those regions' schools; anything
 * else is reported exactly as if it did not exist.
 */
async function resolve(records: SheetRecord[], directory: CampaignDirectory, actor: Actor, errors: SheetErrors): Promise<Resolved> {
  const admin = hasRole(actor, 'admin');
  const schoolRows = records.filter((r) => r.kind === 'school' && r.key !== undefined) as { row: number; cluster: string; key: string }[];
  const teamRows = records.filter((r) => r.kind === 'team' && r.email !== undefined) as { row: number; email: string }[];
  const [schoolList, userList] = await Promise.all([
    directory.findSchools([...new Set(schoolRows.map((s) => s.key))]),
    directory.findUsers([...new Set(teamRows.map((t) => t.email))]),
  ]);
  const schools = new Map<string, DirectorySchool>();
  for (const s of schoolList.filter((x) => admin || actor.regionIds.includes(x.regionId))) {
    schools.set(s.schoolId, s);
    if (s.npsn) schools.set(s.npsn, s);
  }
  const placed = new Map<string, { row: number; cluster: string }>();
  for (const s of schoolRows) {
    const school = schools.get(s.key);
    if (!school) {
      errors.add(s.row, 'UNKNOWN_SCHOOL', `No school with NPSN or id ${s.key}.`, 'school');
      continue;
    }
    const first = placed.get(school.schoolId);
    if (first) errors.add(s.row, 'DUPLICATE_SCHOOL', `${school.name} is already in cluster ${first.cluster} (row ${first.row}); a school belongs to one cluster once.`, 'school');
    else placed.set(school.schoolId, s);
  }
  const users = new Map<string, DirectoryUser>();
  for (const u of userList) {
    const visible = admin || [...u.regionIds, ...u.schoolRegionIds].some((r) => actor.regionIds.includes(r));
    if (visible) users.set(u.email, u);
  }
  for (const t of teamRows) if (!users.has(t.email)) errors.add(t.row, 'UNKNOWN_USER', `No user with email ${t.email}.`, 'email');
  return { schools, users };
}
