import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { notFound } from '../common/api-error';
import { rowToView } from './program.view';
import { ProgramsRepository } from './programs.repository';

@Injectable()
export class GetProgramUseCase {
  constructor(@Inject(ProgramsRepository) private readonly programs: ProgramsRepository) {}

  async execute(actor: Actor, programId: string) {
    const row = await this.programs.findVisible(programId, actor);
    if (!row) throw notFound('program');
    return rowToView(row);
  }
}
