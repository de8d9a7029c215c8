import { Inject, Injectable } from '@nestjs/common';
import type { Actor, ProgramState } from '@mutu/domain';
import { DataSource } from 'typeorm';
import { notFound } from '../common/api-error';
import { deadlineRowsOf, deadlineViews } from './program-deadlines';
import { peopleByIds, schoolLabel, userIdsOf } from './program-people';
import { rowToView } from './program.view';
import { ProgramsRepository } from './programs.repository';

@Injectable()
export class GetProgramUseCase {
  constructor(
    @Inject(ProgramsRepository) private readonly programs: ProgramsRepository,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  /**
   * The program with its deadlines (due dates, reminders sent and to come, extensions), its school's
   * name and NPSN, and the name and roles of every user its state mentions.
   */
  async execute(actor: Actor, programId: string) {
    const row = await this.programs.findVisible(programId, actor);
    if (!row) throw notFound('program');
    const state = row.state as unknown as ProgramState;
    const [rows, people, school] = await Promise.all([
      deadlineRowsOf(this.ds, programId),
      peopleByIds(this.ds, userIdsOf(state)),
      'schoolId' in state ? schoolLabel(this.ds, state.schoolId) : null,
    ]);
    return { ...rowToView(row), deadlines: deadlineViews(state, rows), school, people };
  }
}
