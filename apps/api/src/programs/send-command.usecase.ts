import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { NOT_ASSIGNED_SUPERVISOR, TERMINAL_STAGES, isSupervisorDecision, mayTakeSupervisorDecision, type Actor, CommandPayload, ProgramCommand, ProgramCommandType } from '@mutu/domain';
import { activeSchoolSupervisorIds } from '@mutu/persistence';
import { DataSource } from 'typeorm';
import { ApiError, notFound } from '../common/api-error';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { commandIdFor } from './command-id';
import { ProgramGateway } from './program-gateway.service';
import { viewAfterCommand } from './program.view';
import { ProgramsRepository, type ProgramRow } from './programs.repository';

export interface SendCommandInput<T extends ProgramCommandType> {
  actor: Actor;
  programId: string;
  type: T;
  /** What identifies the request for the idempotency fingerprint (route + params + body). */
  request: { method: string; route: string; params: Record<string, string>; body: unknown };
  idempotencyKey?: string;
  /** Builds the payload once the program is known to be visible (e.g. to hash the report). */
  payload: (program: ProgramRow) => CommandPayload<T> | Promise<CommandPayload<T>>;
}

/**
 * The shape every program mutation shares: key → command id, scope (404 outside it), then the
 * stored response of a repeat or one Update to the program's workflow.
 */
@Injectable()
export class SendCommandUseCase {
  constructor(
    @Inject(ProgramGateway) private readonly gateway: ProgramGateway,
    @Inject(ProgramsRepository) private readonly programs: ProgramsRepository,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  async execute<T extends ProgramCommandType>(input: SendCommandInput<T>) {
    const { actor, programId, type, request } = input;
    const commandId = commandIdFor(actor.userId, input.idempotencyKey, type);
    const program = await this.programs.findVisible(programId, actor);
    if (!program) throw notFound('program');
    await this.requireAssignedSupervisor(actor, type, program);
    const fingerprint = this.idempotency.fingerprint(request.method, request.route, request.params, request.body);
    return this.idempotency.run(actor.userId, input.idempotencyKey, fingerprint, 200, async () => {
      const payload = await input.payload(program);
      try {
        const outcome = await this.gateway.send(programId, {
          commandId,
          type,
          actor,
          now: new Date().toISOString(),
          payload,
        } as ProgramCommand);
        return viewAfterCommand(this.programs, programId, outcome);
      } catch (e) {
        // A closed or cancelled program's workflow has completed: that is a stage conflict, not a 404.
        if (e instanceof WorkflowNotFoundError && (TERMINAL_STAGES as readonly string[]).includes(program.stage)) {
          throw new ApiError(409, 'WRONG_STAGE', `The program is ${program.stage}; it accepts no more changes.`, { details: { stage: program.stage } });
        }
        throw e;
      }
    });
  }

  /**
   * A supervisor's decision is taken by an assigned supervisor of the school (any supervisor of the
   * region when none is assigned). Checked here, before the command is signed: the worker records
   * only commands this API signed, so an unassigned supervisor's approval can never be recorded.
   */
  private async requireAssignedSupervisor(actor: Actor, type: ProgramCommandType, program: ProgramRow): Promise<void> {
    if (!isSupervisorDecision(type) || !actor.roles.includes('supervisor')) return;
    const assigned = await activeSchoolSupervisorIds(this.ds, program.school_id);
    if (!mayTakeSupervisorDecision(actor, type, assigned)) {
      throw new ApiError(403, NOT_ASSIGNED_SUPERVISOR, "Only the school's assigned supervisors (pengawas binaan) may take this decision.", {
        details: { schoolId: program.school_id },
      });
    }
  }
}
