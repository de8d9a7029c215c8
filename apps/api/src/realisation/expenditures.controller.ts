import { Body, Controller, Headers, Inject, Param } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import type { z } from 'zod';
import { CurrentActor } from '../auth/auth.guard';
import { bodyPipe, ZodPipe } from '../common/zod.pipe';
import { BospComponentsRepository } from '../bosp/bosp-components.repository';
import { SendCommandUseCase } from '../programs/send-command.usecase';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import * as S from '../routes/route-schemas';

const Id = new ZodPipe(S.PathIdSchema);
type Body<T extends z.ZodType> = z.infer<T>;

/** Spending of an activity: record and withdraw expenditures, acknowledge an overspend. Signed commands like every other. */
@Controller()
export class ExpendituresController {
  constructor(
    @Inject(SendCommandUseCase) private readonly send: SendCommandUseCase,
    @Inject(BospComponentsRepository) private readonly bosp: BospComponentsRepository,
  ) {}

  /** The expenditure's component is checked against the budget year's list, which the server adds. */
  @Route(ROUTES.recordExpenditure)
  record(
    @CurrentActor() actor: Actor,
    @Param('id', Id) id: string,
    @Param('activityId', Id) activityId: string,
    @Body(bodyPipe(S.RecordExpenditureBodySchema)) body: Body<typeof S.RecordExpenditureBodySchema>,
    @Headers('idempotency-key') key?: string,
  ) {
    const spec = ROUTES.recordExpenditure;
    return this.send.execute({
      actor,
      programId: id,
      type: 'RecordExpenditure',
      request: { method: spec.method, route: spec.path, params: { id, activityId }, body },
      idempotencyKey: key,
      payload: async (program) => ({ ...body, activityId, bospComponents: await this.bosp.codesFor(program.budget_year) }),
    });
  }

  @Route(ROUTES.withdrawExpenditure)
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', Id) id: string,
    @Param('activityId', Id) activityId: string,
    @Param('expenditureId', Id) expenditureId: string,
    @Body(bodyPipe(S.WithdrawExpenditureBodySchema)) body: Body<typeof S.WithdrawExpenditureBodySchema>,
    @Headers('idempotency-key') key?: string,
  ) {
    const spec = ROUTES.withdrawExpenditure;
    return this.send.execute({
      actor,
      programId: id,
      type: 'WithdrawExpenditure',
      request: { method: spec.method, route: spec.path, params: { id, activityId, expenditureId }, body },
      idempotencyKey: key,
      payload: () => ({ ...body, activityId, expenditureId }),
    });
  }

  @Route(ROUTES.acknowledgeOverspend)
  acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id', Id) id: string,
    @Param('activityId', Id) activityId: string,
    @Body(bodyPipe(S.AcknowledgeOverspendBodySchema)) body: Body<typeof S.AcknowledgeOverspendBodySchema>,
    @Headers('idempotency-key') key?: string,
  ) {
    const spec = ROUTES.acknowledgeOverspend;
    return this.send.execute({
      actor,
      programId: id,
      type: 'AcknowledgeOverspend',
      request: { method: spec.method, route: spec.path, params: { id, activityId }, body },
      idempotencyKey: key,
      payload: () => ({ ...body, activityId }),
    });
  }
}
