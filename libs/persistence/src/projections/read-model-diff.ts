import type { EntityManager } from 'typeorm';
import { canonicalJson } from '../event-store/canonical-json';
import { programStateTailOf, withCurrentState } from './program-state';

/** The rows the projectors own (ProgramProjector (with the evidence index), CampaignProjector, RealisationProjector, DashboardProjector, SchoolReportingProjector), in a stable order and a comparable form. */
export interface ReadModelSnapshot {
  programs: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
  program_evidence: Record<string, unknown>[];
  campaigns: Record<string, unknown>[];
  campaign_clusters: Record<string, unknown>[];
  campaign_members: Record<string, unknown>[];
  campaign_schools: Record<string, unknown>[];
  realisation_activities: Record<string, unknown>[];
  realisation_expenditures: Record<string, unknown>[];
  dashboard_programs: Record<string, unknown>[];
  dashboard_components: Record<string, unknown>[];
  statutory_deadlines: Record<string, unknown>[];
}

type Queryable = Pick<EntityManager, 'query'>;

// Only the columns the projector writes: other features may keep columns of their own on `programs`.
// The state compared is the program's current one (the stored state with the events after it
// folded on): how far behind the stored state is depends on the appends that wrote it, which a
// rebuild does not repeat.
const PROGRAM_COLUMNS = `program_id, school_id, region_id, budget_year, title, stage, version, state, ${programStateTailOf('programs')} AS state_tail, progress, time_zone, next_due_date::text,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS created_at,
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS updated_at`;
const TASK_COLUMNS = `task_id, program_id, kind, stage, role, user_id, school_id, region_id, activity_id,
  to_char(since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS since`;

const utc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS ${column}`;
const CAMPAIGN_COLUMNS = `campaign_id, title, organiser, region_id, time_zone, period_start::text, period_end::text, materials, status,
  cluster_count, school_count, clusters_completed, created_by, ${utc('created_at')}, ${utc('closed_at')}`;

export async function snapshotReadModels(q: Queryable): Promise<ReadModelSnapshot> {
  return {
    programs: ((await q.query(`SELECT ${PROGRAM_COLUMNS} FROM programs ORDER BY program_id`)) as { state: unknown }[]).map(withCurrentState),
    tasks: await q.query(`SELECT ${TASK_COLUMNS} FROM tasks ORDER BY task_id`),
    program_evidence: await q.query(`SELECT program_id || '/' || activity_id || '/' || sha256 AS key, filename, mime_type FROM program_evidence ORDER BY key`),
    campaigns: await q.query(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns ORDER BY campaign_id`),
    campaign_clusters: await q.query(
      `SELECT campaign_id || '/' || cluster_id AS key, stream_id, name, status, state, version, ${utc('updated_at')} FROM campaign_clusters ORDER BY key`,
    ),
    campaign_members: await q.query(`SELECT campaign_id || '/' || cluster_id || '/' || user_id AS key, role FROM campaign_members ORDER BY key`),
    campaign_schools: await q.query(`SELECT campaign_id || '/' || school_id AS key, cluster_id, position FROM campaign_schools ORDER BY key`),
    realisation_activities: await q.query(
      `SELECT program_id || '/' || activity_id AS key, school_id, region_id, budget_year, program_title, activity_title, component, budget_line,
         planned_amount, window_start::text, status FROM realisation_activities ORDER BY key`,
    ),
    realisation_expenditures: await q.query(
      `SELECT program_id || '/' || activity_id || '/' || expenditure_id AS key, activity_id, school_id, region_id, budget_year, component, spent_on::text, amount, payee,
         siplah_order_number, evidence_sha256, legacy FROM realisation_expenditures ORDER BY key`,
    ),
    dashboard_programs: await q.query(
      `SELECT program_id AS key, school_id, region_id, budget_year, title, stage, ${utc('signed_off_at')}, ${utc('updated_at')} FROM dashboard_programs ORDER BY key`,
    ),
    dashboard_components: await q.query(
      `SELECT program_id || '/' || component AS key, region_id, budget_year, planned, realised FROM dashboard_components ORDER BY key`,
    ),
    statutory_deadlines: await q.query(
      `SELECT school_id || '/' || budget_year || '/' || report AS key, region_id, due_date::text, status, submitted_on::text, submitted_by, evidence,
         ${utc('last_reminder_at')}, ${utc('missed_at')}, escalation_level, stream_version FROM statutory_deadlines ORDER BY key`,
    ),
  };
}

/** Human-readable differences between two snapshots (empty when they are equal). */
export function diffReadModels(live: ReadModelSnapshot, rebuilt: ReadModelSnapshot): string[] {
  return [
    ...diffRows('programs', 'program_id', live.programs, rebuilt.programs),
    ...diffRows('tasks', 'task_id', live.tasks, rebuilt.tasks),
    ...diffRows('campaigns', 'campaign_id', live.campaigns, rebuilt.campaigns),
    ...(['program_evidence', 'campaign_clusters', 'campaign_members', 'campaign_schools', 'realisation_activities', 'realisation_expenditures', 'dashboard_programs', 'dashboard_components', 'statutory_deadlines'] as const).flatMap((t) =>
      diffRows(t, 'key', live[t], rebuilt[t]),
    ),
  ];
}

/**
 * A column's value in a form that is equal when the values are: JSON columns (a program's state, kept
 * as the text written) compare as values, whatever order their members were written in.
 */
function comparable(value: unknown): string | undefined {
  return value !== null && typeof value === 'object' && !(value instanceof Date) ? canonicalJson(value) : JSON.stringify(value);
}

function diffRows(table: string, key: string, live: Record<string, unknown>[], rebuilt: Record<string, unknown>[]): string[] {
  const out: string[] = [];
  const byKey = new Map(rebuilt.map((r) => [String(r[key]), r]));
  for (const row of live) {
    const other = byKey.get(String(row[key]));
    byKey.delete(String(row[key]));
    if (!other) {
      out.push(`${table} ${String(row[key])}: only in the live read model`);
      continue;
    }
    const columns = Object.keys(row).filter((c) => comparable(row[c]) !== comparable(other[c]));
    if (columns.length > 0) out.push(`${table} ${String(row[key])}: differs in ${columns.join(', ')}`);
  }
  for (const k of byKey.keys()) out.push(`${table} ${k}: only in the rebuilt read model`);
  return out;
}
