import { Inject, Injectable } from '@nestjs/common';
import { hasProgramRole, type Actor } from '@mutu/domain';
import { overdueOf, programStateTailOf, withCurrentState } from '@mutu/persistence';
import { DataSource } from 'typeorm';

export interface ProgramRow {
  program_id: string;
  school_id: string;
  region_id: string;
  budget_year: number;
  title: string;
  stage: string;
  version: number;
  state: Record<string, unknown>;
  progress: number;
  time_zone: string;
  /** The earliest open deadline. */
  next_due_date: Date | null;
  /** Computed when read: past the next due date in the program's time zone. */
  overdue: boolean;
  created_at: Date;
  updated_at: Date;
}

/** SQL condition restricting programs to an actor's scope (schools or regions). */
export function scopeCondition(actor: Actor, alias: string, firstParam: number): { sql: string; params: unknown[] } {
  if (actor.roles.includes('admin')) return { sql: 'true', params: [] };
  // A mentor's powers are campaign memberships: whatever their scope, no program is theirs.
  if (!hasProgramRole(actor)) return { sql: 'false', params: [] };
  return {
    sql: `(${alias}.school_id = ANY($${firstParam}::text[]) OR ${alias}.region_id = ANY($${firstParam + 1}::text[]))`,
    params: [actor.schoolIds, actor.regionIds],
  };
}

const OVERDUE = overdueOf('p');
/** The row's columns, whether it is overdue, and the events its stored state lacks. */
const ROW = `p.*, ${OVERDUE} AS overdue, ${programStateTailOf('p')} AS state_tail`;

/** The row as callers get it: its state brought up to the row's version. */
function current(row: (ProgramRow & { state_version?: number }) | undefined): ProgramRow | undefined {
  if (!row) return undefined;
  const { state_version: _stored, ...rest } = withCurrentState(row);
  return { ...rest, state: rest.state as unknown as Record<string, unknown> };
}

@Injectable()
export class ProgramsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** The program if the actor may see it; undefined (→ 404) otherwise. */
  async findVisible(programId: string, actor: Actor): Promise<ProgramRow | undefined> {
    const scope = scopeCondition(actor, 'p', 2);
    const rows: ProgramRow[] = await this.ds.query(`SELECT ${ROW} FROM programs p WHERE p.program_id = $1 AND ${scope.sql}`, [programId, ...scope.params]);
    return current(rows[0]);
  }

  /** The read model row, whatever the caller's scope (callers check scope first). */
  async findById(programId: string): Promise<ProgramRow | undefined> {
    const rows: ProgramRow[] = await this.ds.query(`SELECT ${ROW} FROM programs p WHERE p.program_id = $1`, [programId]);
    return current(rows[0]);
  }

  async schoolRegion(schoolId: string): Promise<{ regionId: string; timeZone: string } | undefined> {
    const rows: { region_id: string; time_zone: string }[] = await this.ds.query(
      'SELECT region_id, time_zone FROM schools WHERE school_id = $1',
      [schoolId],
    );
    return rows[0] && { regionId: rows[0].region_id, timeZone: rows[0].time_zone };
  }
}
