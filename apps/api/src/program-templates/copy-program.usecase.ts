import { Inject, Injectable } from '@nestjs/common';
import { copyPlanToYear, type Actor, type ProgramState } from '@mutu/domain';
import { ApiError, notFound } from '../common/api-error';
import { CreateProgramUseCase } from '../programs/create-program.usecase';
import { ProgramsRepository } from '../programs/programs.repository';
import type { CopyProgramBody } from './program-template.schemas';

/**
 * A school starts this year's program from last year's: a new program of the same school whose plan
 * is the old one moved into the new budget year; the execution (assignments, expenditures,
 * evidence, report) is not copied. Created like any other program (signed, idempotent on the
 * Idempotency-Key), so the decider checks the caller may author programs of the school.
 */
@Injectable()
export class CopyProgramUseCase {
  constructor(
    @Inject(ProgramsRepository) private readonly programs: ProgramsRepository,
    @Inject(CreateProgramUseCase) private readonly create: CreateProgramUseCase,
  ) {}

  async execute(actor: Actor, programId: string, body: CopyProgramBody, idempotencyKey?: string) {
    const row = await this.programs.findVisible(programId, actor);
    if (!row) throw notFound('program');
    const state = row.state as unknown as ProgramState;
    if (state.status === 'none') throw notFound('program');
    if (body.budgetYear === state.budgetYear) {
      throw new ApiError(422, 'SAME_BUDGET_YEAR', `the program is already of budget year ${state.budgetYear}; copy it into another year`);
    }
    const plan = copyPlanToYear(state.plan, state.budgetYear, body.budgetYear);
    return this.create.execute(actor, { schoolId: state.schoolId, budgetYear: body.budgetYear, title: body.title ?? state.title, plan }, idempotencyKey);
  }
}
