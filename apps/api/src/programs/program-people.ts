// Names instead of ids: the people of a program's school (the picker for the person in charge and
// participants) and a directory of every user a program's state mentions (signers, approvers, actors).
import { Inject, Injectable } from '@nestjs/common';
import type { Actor, ProgramState } from '@mutu/domain';
import { DataSource } from 'typeorm';
import { notFound } from '../common/api-error';
import { ProgramsRepository, scopeCondition } from './programs.repository';

export interface Person {
  userId: string;
  name: string;
  roles: string[];
}

export interface SchoolLabel {
  schoolId: string;
  name: string;
  npsn: string | null;
}

/** Every user id the program's state names: creator, approvers, signers, assignees, actors. */
export function userIdsOf(state: ProgramState): string[] {
  if (!('programId' in state)) return [];
  const ids = new Set<string>([state.createdBy]);
  const add = (id: string | null | undefined) => { if (id) ids.add(id); };
  state.approvals.forEach((a) => add(a.by));
  state.deadlineExtensions.forEach((e) => add(e.by));
  add(state.cancellation?.requestedBy);
  add(state.submissions.plan?.by);
  add(state.submissions.documentation?.by);
  add(state.report.submittedBy);
  state.report.signatures.forEach((s) => add(s.by));
  for (const a of state.plan.activities) {
    add(a.assignment?.personInCharge);
    a.assignment?.participants.forEach(add);
    a.evidence.forEach((e) => add(e.uploadedBy));
  }
  return [...ids].filter((id) => id !== 'system');
}

export async function peopleByIds(ds: Pick<DataSource, 'query'>, ids: string[]): Promise<Record<string, Omit<Person, 'userId'>>> {
  if (ids.length === 0) return {};
  const rows: { user_id: string; name: string; roles: string[] }[] = await ds.query(
    'SELECT user_id, name, roles FROM users WHERE user_id = ANY($1::text[])',
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.user_id, { name: r.name, roles: r.roles }]));
}

export async function schoolLabel(ds: Pick<DataSource, 'query'>, schoolId: string): Promise<SchoolLabel> {
  const rows: { name: string; npsn: string | null }[] = await ds.query('SELECT name, npsn FROM schools WHERE school_id = $1', [schoolId]);
  return { schoolId, name: rows[0]?.name ?? schoolId, npsn: rows[0]?.npsn ?? null };
}

@Injectable()
export class ProgramPeopleUseCase {
  constructor(
    @Inject(ProgramsRepository) private readonly programs: ProgramsRepository,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  /** Active users of the program's school, optionally with one role, by name. */
  async execute(actor: Actor, programId: string, role?: string): Promise<{ schoolId: string; items: Person[] }> {
    const row = await this.programs.findVisible(programId, actor);
    const state = row?.state as ProgramState | undefined;
    if (!state || !('programId' in state)) throw notFound('program');
    const rows: { user_id: string; name: string; roles: string[] }[] = await this.ds.query(
      `SELECT user_id, name, roles FROM users
        WHERE NOT disabled AND $1 = ANY(school_ids) AND ($2::text IS NULL OR $2 = ANY(roles))
        ORDER BY name, user_id`,
      [state.schoolId, role ?? null],
    );
    return { schoolId: state.schoolId, items: rows.map((r) => ({ userId: r.user_id, name: r.name, roles: r.roles })) };
  }

  /** The schools whose programs the actor may see, with name and NPSN (lists show them, not ids). */
  async schoolsInScope(actor: Actor): Promise<{ items: (SchoolLabel & { regionId: string })[] }> {
    const scope = scopeCondition(actor, 's', 1);
    const rows: { school_id: string; name: string; npsn: string | null; region_id: string }[] = await this.ds.query(
      `SELECT school_id, name, npsn, region_id FROM schools s WHERE ${scope.sql} ORDER BY name, school_id`,
      scope.params,
    );
    return { items: rows.map((r) => ({ schoolId: r.school_id, name: r.name, npsn: r.npsn, regionId: r.region_id })) };
  }
}
