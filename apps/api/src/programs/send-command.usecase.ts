import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { TERMINAL_STAGES, type Actor, CommandPayload, ProgramCommand, ProgramCommandType } from '@mutu/domain';
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
  ) {}

  async execute<T extends ProgramCommandType>(input: SendCommandInput<T>) {
    const { actor, programId, type, request } = input;
    const commandId = commandIdFor(actor.userId, input.idempotencyKey, type);
    const program = await this.programs.findVisible(programId, actor);
    if (!program) throw notFound('program');
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
}
