import type { EntityManager } from 'typeorm';

/** The rows ProgramProjector owns, in a stable order and a comparable form. */
export interface ReadModelSnapshot {
  programs: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
}

type Queryable = Pick<EntityManager, 'query'>;

// Only the columns the projector writes: other features may keep columns of their own on `programs`.
const PROGRAM_COLUMNS = `program_id, school_id, region_id, budget_year, title, stage, version, state, progress,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS created_at,
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS updated_at`;
const TASK_COLUMNS = `task_id, program_id, kind, stage, role, user_id, school_id, region_id, activity_id,
  to_char(since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS since`;

export async function snapshotReadModels(q: Queryable): Promise<ReadModelSnapshot> {
  return {
    programs: await q.query(`SELECT ${PROGRAM_COLUMNS} FROM programs ORDER BY program_id`),
    tasks: await q.query(`SELECT ${TASK_COLUMNS} FROM tasks ORDER BY task_id`),
  };
}

/** Human-readable differences between two snapshots (empty when they are equal). */
export function diffReadModels(live: ReadModelSnapshot, rebuilt: ReadModelSnapshot): string[] {
  return [...diffRows('programs', 'program_id', live.programs, rebuilt.programs), ...diffRows('tasks', 'task_id', live.tasks, rebuilt.tasks)];
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
    const columns = Object.keys(row).filter((c) => JSON.stringify(row[c]) !== JSON.stringify(other[c]));
    if (columns.length > 0) out.push(`${table} ${String(row[key])}: differs in ${columns.join(', ')}`);
  }
  for (const k of byKey.keys()) out.push(`${table} ${k}: only in the rebuilt read model`);
  return out;
}
