import { Inject, Injectable } from '@nestjs/common';
import type { Actor, ProgramState } from '@mutu/domain';
import { notFound } from '../common/api-error';
import { toProgramView } from './program.view';
import { ProgramsRepository } from './programs.repository';

@Injectable()
export class GetProgramUseCase {
  constructor(@Inject(ProgramsRepository) private readonly programs: ProgramsRepository) {}

  async execute(actor: Actor, programId: string) {
    const row = await this.programs.findVisible(programId, actor);
    if (!row) throw notFound('program');
    // Deadlines come from the read model (the deadline tracker keeps next_due_date/overdue current).
    return { ...toProgramView(row.state as unknown as ProgramState, row.version), nextDueDate: row.next_due_date, overdue: row.overdue };
  }
}
