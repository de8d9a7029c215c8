import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { createHash } from 'node:crypto';
import { queryPrepared } from '@mutu/persistence';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import type { ListProgramsQuery } from '../routes/route-schemas';
import { scopeCondition } from './programs.repository';

const DEFAULT_LIMIT = 20;

const encodeCursor = (programId: string) => Buffer.from(programId, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!id || id.length > 200) throw new ApiError(400, 'VALIDATION_FAILED', 'bad cursor', { issues: [{ path: 'cursor', message: 'not a cursor' }] });
  return id;
}

// One prepared statement per combination of filters and scope kind (a few dozen at most), named
// once per text: a list page is a hot path.
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `mutu_list_programs_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/** Programs in the caller's scope from the `programs` read model, keyset-paginated by id. */
@Injectable()
export class ListProgramsUseCase {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async execute(actor: Actor, q: ListProgramsQuery) {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const scope = scopeCondition(actor, 'p', 1);
    const params: unknown[] = [...scope.params];
    const where = [scope.sql];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (q.schoolId) add((n) => `p.school_id = $${n}`, q.schoolId);
    if (q.regionId) add((n) => `p.region_id = $${n}`, q.regionId);
    if (q.budgetYear) add((n) => `p.budget_year = $${n}`, q.budgetYear);
    if (q.stage) add((n) => `p.stage = $${n}`, q.stage);
    if (q.overdue) add((n) => `p.overdue = $${n}`, q.overdue === 'true');
    if (q.cursor) add((n) => `p.program_id > $${n}`, decodeCursor(q.cursor));
    params.push(limit + 1);
    const sql = `SELECT p.program_id, p.school_id, p.region_id, p.budget_year, p.title, p.stage, p.version, p.progress,
              to_char(p.next_due_date, 'YYYY-MM-DD') AS next_due_date, p.overdue,
              to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
         FROM programs p WHERE ${where.join(' AND ')} ORDER BY p.program_id LIMIT $${params.length}`;
    const rows = await queryPrepared<Record<string, unknown>>(this.ds, statementName(sql), sql, params);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        programId: r.program_id,
        schoolId: r.school_id,
        regionId: r.region_id,
        budgetYear: r.budget_year,
        title: r.title,
        stage: r.stage,
        version: r.version,
        progress: r.progress,
        nextDueDate: r.next_due_date,
        overdue: r.overdue,
        updatedAt: r.updated_at,
      })),
      nextCursor: rows.length > limit ? encodeCursor(String(page[page.length - 1].program_id)) : null,
    };
  }
}
