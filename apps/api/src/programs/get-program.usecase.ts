import { Inject, Injectable } from '@nestjs/common';
import type { Actor, ProgramState } from '@mutu/domain';
import { DataSource } from 'typeorm';
import { notFound } from '../common/api-error';
import { deadlineRowsOf, deadlineViews } from './program-deadlines';
import { rowToView } from './program.view';
import { ProgramsRepository } from './programs.repository';

@Injectable()
export class GetProgramUseCase {
  constructor(
    @Inject(ProgramsRepository) private readonly programs: ProgramsRepository,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  /** The program with its deadlines: due dates, reminders sent and to come, extensions. */
  async execute(actor: Actor, programId: string) {
    const row = await this.programs.findVisible(programId, actor);
    if (!row) throw notFound('program');
    const deadlines = deadlineViews(row.state as unknown as ProgramState, await deadlineRowsOf(this.ds, programId));
    return { ...rowToView(row), deadlines };
  }
}
