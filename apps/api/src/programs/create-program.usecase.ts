import { Inject, Injectable } from '@nestjs/common';
import { payloadSchemas, type Actor } from '@mutu/domain';
import { z } from 'zod';
import { ApiError } from '../common/api-error';
import { commandIdFor, programIdFor } from './command-id';
import { ProgramGateway } from './program-gateway.service';
import { ProgramsRepository } from './programs.repository';
import { toProgramView } from './program.view';

const base = payloadSchemas.CreateProgram;

/** Body of POST /programs: the draft; the server fills in ids, the region and the time zone. */
export const CreateProgramBodySchema = z.strictObject({
  schoolId: base.shape.schoolId,
  budgetYear: base.shape.budgetYear,
  title: base.shape.title,
  plan: base.shape.plan.optional(),
  approvalPolicy: base.shape.approvalPolicy,
});
export type CreateProgramBody = z.infer<typeof CreateProgramBodySchema>;

@Injectable()
export class CreateProgramUseCase {
  constructor(
    @Inject(ProgramGateway) private readonly gateway: ProgramGateway,
    @Inject(ProgramsRepository) private readonly programs: ProgramsRepository,
  ) {}

  async execute(actor: Actor, body: CreateProgramBody, idempotencyKey?: string) {
    const school = await this.programs.schoolRegion(body.schoolId);
    const inScope = school && (actor.schoolIds.includes(body.schoolId) || actor.regionIds.includes(school.regionId));
    if (!school || !inScope) throw new ApiError(404, 'SCHOOL_NOT_FOUND', `school ${body.schoolId} not found`);
    const programId = programIdFor(actor.userId, idempotencyKey);
    const outcome = await this.gateway.create({
      commandId: commandIdFor(actor.userId, idempotencyKey, 'CreateProgram'),
      type: 'CreateProgram',
      actor,
      now: new Date().toISOString(),
      payload: {
        programId,
        schoolId: body.schoolId,
        regionId: school.regionId,
        budgetYear: body.budgetYear,
        timeZone: school.timeZone,
        title: body.title,
        plan: body.plan ?? { objectives: [], standard: null, indicators: [], activities: [] },
        approvalPolicy: body.approvalPolicy,
      } as never,
    });
    return toProgramView(outcome.state, outcome.version);
  }
}
