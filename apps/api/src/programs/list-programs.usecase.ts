import { Inject, Injectable } from '@nestjs/common';
import { hasProgramRole, type Actor } from '@mutu/domain';
import { createHash } from 'node:crypto';
import { overdueOf, queryPrepared } from '@mutu/persistence';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import type { ListProgramsQuery } from '../routes/route-schemas';
import { ProgramListCache } from './program-list-cache';
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

/**
 * Programs in the caller's scope from the `programs` read model, keyset-paginated by id. PostgreSQL
 * writes each item's JSON (row_to_json, compact, in the field order below) and joins the page: the
 * API passes the text on instead of parsing 11 columns of every row into objects and serializing
 * them again, which took most of a list request's CPU.
 */
@Injectable()
export class ListProgramsUseCase {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(ProgramListCache) private readonly cache: ProgramListCache,
  ) {}

  /** The page as JSON text: `{"items":[…],"nextCursor":…}`. */
  async execute(actor: Actor, q: ListProgramsQuery): Promise<string> {
    // What the page depends on: the caller's scope and the query (roles other than admin do not
    // change which programs are listed).
    const key = JSON.stringify([
      actor.roles.includes('admin'),
      hasProgramRole(actor),
      actor.schoolIds,
      actor.regionIds,
      q.schoolId ?? null,
      q.regionId ?? null,
      q.budgetYear ?? null,
      q.stage ?? null,
      q.overdue ?? null,
      q.cursor ?? null,
      q.limit ?? null,
    ]);
    return this.cache.read(key, () => this.load(actor, q));
  }

  private async load(actor: Actor, q: ListProgramsQuery): Promise<string> {
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
    if (q.overdue) add((n) => `${overdueOf('p')} = $${n}`, q.overdue === 'true');
    if (q.cursor) add((n) => `p.program_id > $${n}`, decodeCursor(q.cursor));
    params.push(limit);
    const limitParam = `$${params.length}::int`;
    // One row more than the page tells whether there is a next one.
    const sql = `SELECT string_agg(item, ',' ORDER BY id) FILTER (WHERE n <= ${limitParam}) AS items,
              max(id) FILTER (WHERE n <= ${limitParam}) AS last_id, count(*)::int AS rows
         FROM (SELECT row_to_json(x)::text AS item, x."programId" AS id, row_number() OVER (ORDER BY x."programId") AS n
                 FROM (SELECT p.program_id AS "programId", p.school_id AS "schoolId", p.region_id AS "regionId",
                              p.budget_year AS "budgetYear", p.title, p.stage, p.version, p.progress,
                              p.next_due_date AS "nextDueDate", ${overdueOf('p')} AS overdue,
                              to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
                         FROM programs p WHERE ${where.join(' AND ')} ORDER BY p.program_id LIMIT ${limitParam} + 1) x) page`;
    const [page] = await queryPrepared<{ items: string | null; last_id: string | null; rows: number }>(this.ds, statementName(sql), sql, params);
    const nextCursor = page.rows > limit && page.last_id !== null ? JSON.stringify(encodeCursor(page.last_id)) : 'null';
    return `{"items":[${page.items ?? ''}],"nextCursor":${nextCursor}}`;
  }
}
