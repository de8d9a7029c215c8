import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import type { z } from 'zod';
import { ApiError } from '../common/api-error';
import { ApprovalPolicyReader } from '../governance/approval-policy.reader';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { CreateProgramBodySchema } from '../routes/route-schemas';
import { commandIdFor, programIdFor } from './command-id';
import { ProgramGateway } from './program-gateway.service';
import { ProgramsRepository } from './programs.repository';
import { viewAfterCommand } from './program.view';

export { CreateProgramBodySchema } from '../routes/route-schemas';
export type CreateProgramBody = z.infer<typeof CreateProgramBodySchema>;

@Injectable()
export class CreateProgramUseCase {
  constructor(
    @Inject(ProgramGateway) private readonly gateway: ProgramGateway,
    @Inject(ProgramsRepository) private readonly programs: ProgramsRepository,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(ApprovalPolicyReader) private readonly policies: ApprovalPolicyReader,
  ) {}

  async execute(actor: Actor, body: CreateProgramBody, idempotencyKey?: string) {
    const commandId = commandIdFor(actor.userId, idempotencyKey, 'CreateProgram');
    const school = await this.programs.schoolRegion(body.schoolId);
    const inScope = school && (actor.schoolIds.includes(body.schoolId) || actor.regionIds.includes(school.regionId));
    if (!school || !inScope) throw new ApiError(404, 'SCHOOL_NOT_FOUND', `school ${body.schoolId} not found`);
    const fingerprint = this.idempotency.fingerprint('POST', '/programs', {}, body);
    return this.idempotency.run(actor.userId, idempotencyKey, fingerprint, 201, async () => {
      const programId = programIdFor(actor.userId, idempotencyKey);
      // The approval policy is the education office's, never the author's: the one in force now.
      const { policy, ref } = await this.policies.inForce(school.regionId, body.schoolId);
      const outcome = await this.gateway.create({
        commandId,
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
          approvalPolicy: policy,
          approvalPolicyRef: ref,
        },
      });
      return viewAfterCommand(this.programs, programId, outcome);
    });
  }
}
