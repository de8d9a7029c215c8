import { Body, Controller, Headers, Inject, Param } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import type { z } from 'zod';
import { CurrentActor } from '../auth/auth.guard';
import { bodyPipe, ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES, type RouteSpec } from '../routes/route-table';
import * as S from '../routes/route-schemas';
import { SendCommandUseCase } from './send-command.usecase';
import { BospComponentsRepository } from '../bosp/bosp-components.repository';

const Id = new ZodPipe(S.PathIdSchema);
type Body<T extends z.ZodType> = z.infer<T>;

/** Plan, assignment, execution and lifecycle commands: one thin method per route. */
@Controller()
export class ProgramCommandsController {
  constructor(
    @Inject(SendCommandUseCase) private readonly send: SendCommandUseCase,
    @Inject(BospComponentsRepository) private readonly bosp: BospComponentsRepository,
  ) {}

  private run(
    spec: RouteSpec,
    actor: Actor,
    params: { id: string; activityId?: string },
    body: object,
    key: string | undefined,
  ) {
    const { id, ...rest } = params;
    return this.send.execute({
      actor,
      programId: id,
      type: spec.command!,
      request: { method: spec.method, route: spec.path, params: params as Record<string, string>, body },
      idempotencyKey: key,
      payload: () => ({ ...rest, ...body }) as never,
    });
  }

  @Route(ROUTES.editPlan)
  editPlan(@CurrentActor() a: Actor, @Param('id', Id) id: string, @Body(bodyPipe(S.EditPlanBodySchema)) b: Body<typeof S.EditPlanBodySchema>, @Headers('idempotency-key') k?: string) {
    return this.run(ROUTES.editPlan, a, { id }, b, k);
  }

  /** The plan's budget lines are checked against the budget year's BOSP component list, which the server adds. */
  @Route(ROUTES.submitPlan)
  submitPlan(@CurrentActor() a: Actor, @Param('id', Id) id: string, @Body(bodyPipe(S.SubmitPlanBodySchema)) b: Body<typeof S.SubmitPlanBodySchema>, @Headers('idempotency-key') k?: string) {
    return this.send.execute({
      actor: a,
      programId: id,
      type: 'SubmitPlan',
      request: { method: ROUTES.submitPlan.method, route: ROUTES.submitPlan.path, params: { id }, body: b },
      idempotencyKey: k,
      payload: async (program) => ({ ...b, bospComponents: await this.bosp.codesFor(program.budget_year) }),
    });
  }

  @Route(ROUTES.decidePlan)
  decidePlan(@CurrentActor() a: Actor, @Param('id', Id) id: string, @Body(bodyPipe(S.DecisionBodySchema)) b: Body<typeof S.DecisionBodySchema>, @Headers('idempotency-key') k?: string) {
    return this.run(ROUTES.decidePlan, a, { id }, b, k);
  }

  @Route(ROUTES.assignActivity)
  assign(
    @CurrentActor() a: Actor,
    @Param('id', Id) id: string,
    @Param('activityId', Id) activityId: string,
    @Body(bodyPipe(S.AssignActivityBodySchema)) b: Body<typeof S.AssignActivityBodySchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.run(ROUTES.assignActivity, a, { id, activityId }, b, k);
  }

  @Route(ROUTES.confirmAssignments)
  confirm(@CurrentActor() a: Actor, @Param('id', Id) id: string, @Body(bodyPipe(S.EmptyBodySchema)) b: object, @Headers('idempotency-key') k?: string) {
    return this.run(ROUTES.confirmAssignments, a, { id }, b, k);
  }

  @Route(ROUTES.startActivity)
  start(@CurrentActor() a: Actor, @Param('id', Id) id: string, @Param('activityId', Id) activityId: string, @Body(bodyPipe(S.EmptyBodySchema)) b: object, @Headers('idempotency-key') k?: string) {
    return this.run(ROUTES.startActivity, a, { id, activityId }, b, k);
  }

  @Route(ROUTES.completeActivity)
  complete(
    @CurrentActor() a: Actor,
    @Param('id', Id) id: string,
    @Param('activityId', Id) activityId: string,
    @Body(bodyPipe(S.CompleteActivityBodySchema)) b: Body<typeof S.CompleteActivityBodySchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.run(ROUTES.completeActivity, a, { id, activityId }, b, k);
  }

  @Route(ROUTES.dropActivity)
  drop(
    @CurrentActor() a: Actor,
    @Param('id', Id) id: string,
    @Param('activityId', Id) activityId: string,
    @Body(bodyPipe(S.DropActivityBodySchema)) b: Body<typeof S.DropActivityBodySchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.run(ROUTES.dropActivity, a, { id, activityId }, b, k);
  }

  @Route(ROUTES.completeDocumentation)
  completeDocumentation(@CurrentActor() a: Actor, @Param('id', Id) id: string, @Body(bodyPipe(S.EmptyBodySchema)) b: object, @Headers('idempotency-key') k?: string) {
    return this.run(ROUTES.completeDocumentation, a, { id }, b, k);
  }

  @Route(ROUTES.decideDocumentation)
  decideDocumentation(@CurrentActor() a: Actor, @Param('id', Id) id: string, @Body(bodyPipe(S.DecisionBodySchema)) b: Body<typeof S.DecisionBodySchema>, @Headers('idempotency-key') k?: string) {
    return this.run(ROUTES.decideDocumentation, a, { id }, b, k);
  }

  @Route(ROUTES.editReport)
  editReport(@CurrentActor() a: Actor, @Param('id', Id) id: string, @Body(bodyPipe(S.EditReportBodySchema)) b: Body<typeof S.EditReportBodySchema>, @Headers('idempotency-key') k?: string) {
    return this.run(ROUTES.editReport, a, { id }, b, k);
  }

  @Route(ROUTES.signReport)
  signReport(@CurrentActor() a: Actor, @Param('id', Id) id: string, @Body(bodyPipe(S.SignReportBodySchema)) b: Body<typeof S.SignReportBodySchema>, @Headers('idempotency-key') k?: string) {
    return this.run(ROUTES.signReport, a, { id }, b, k);
  }

  @Route(ROUTES.closeProgram)
  close(@CurrentActor() a: Actor, @Param('id', Id) id: string, @Body(bodyPipe(S.EmptyBodySchema)) b: object, @Headers('idempotency-key') k?: string) {
    return this.run(ROUTES.closeProgram, a, { id }, b, k);
  }

  @Route(ROUTES.requestCancellation)
  requestCancellation(@CurrentActor() a: Actor, @Param('id', Id) id: string, @Body(bodyPipe(S.RequestCancellationBodySchema)) b: Body<typeof S.RequestCancellationBodySchema>, @Headers('idempotency-key') k?: string) {
    return this.run(ROUTES.requestCancellation, a, { id }, b, k);
  }

  @Route(ROUTES.confirmCancellation)
  confirmCancellation(@CurrentActor() a: Actor, @Param('id', Id) id: string, @Body(bodyPipe(S.ConfirmCancellationBodySchema)) b: Body<typeof S.ConfirmCancellationBodySchema>, @Headers('idempotency-key') k?: string) {
    return this.run(ROUTES.confirmCancellation, a, { id }, b, k);
  }

  @Route(ROUTES.rejectCancellation)
  rejectCancellation(@CurrentActor() a: Actor, @Param('id', Id) id: string, @Body(bodyPipe(S.RejectCancellationBodySchema)) b: Body<typeof S.RejectCancellationBodySchema>, @Headers('idempotency-key') k?: string) {
    return this.run(ROUTES.rejectCancellation, a, { id }, b, k);
  }

  @Route(ROUTES.extendDeadline)
  extendDeadline(@CurrentActor() a: Actor, @Param('id', Id) id: string, @Body(bodyPipe(S.ExtendDeadlineBodySchema)) b: Body<typeof S.ExtendDeadlineBodySchema>, @Headers('idempotency-key') k?: string) {
    return this.run(ROUTES.extendDeadline, a, { id }, b, k);
  }
}
