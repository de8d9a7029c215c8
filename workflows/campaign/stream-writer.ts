// The one-writer-per-stream discipline every Mutu workflow follows: decide under a serial lock,
// append through the activity with the expected version, then evolve. Shared by the campaign and
// cluster workflows (the program workflow predates it and keeps its own, recorded in histories).
import { ApplicationFailure, workflowInfo } from '@temporalio/workflow';
import { isDomainError, type Actor } from '@mutu/domain';
import type { AppendEventsResult, CommandEnvelope } from '../program/program.activities';
import { appendAuthenticated, requireEnvelope, signedPart } from '../program/command-authentication';
import { createSerialQueue } from '../program/serial';
import type { AppendStreamInput } from './campaign.activities';

interface Command {
  commandId: string;
  type: string;
  actor: Actor;
  now: string;
}

interface StreamEvent {
  type: string;
  v: number;
  data: object;
}

export interface StreamWriterDeps<S, C extends Command, E extends StreamEvent> {
  streamId: string;
  initial: S;
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  parse(raw: unknown): C;
  append(input: AppendStreamInput): Promise<AppendEventsResult>;
  /**
   * Whether the state can judge a command yet. The stream's first command (its creation) is queued
   * at the start of the run; an Update arriving before it is applied (the read model, written with
   * the append, can already show the stream) is judged by its handler, after the creation.
   */
  ready(state: S): boolean;
}

export interface Outcome {
  version: number;
  events: { type: string; version: number }[];
  duplicate: boolean;
}

/** DomainErrors become non-retryable failures that keep their stable code (as in programWorkflow). */
export function decideOrFail<S, C, E>(decide: (c: C, s: S) => E[], command: C, state: S): E[] {
  try {
    return decide(command, state);
  } catch (e) {
    if (isDomainError(e)) {
      throw ApplicationFailure.create({ type: e.code, message: e.message, nonRetryable: true, details: [{ code: e.code, status: e.status, details: e.details ?? null }] });
    }
    throw e;
  }
}

export function createStreamWriter<S, C extends Command, E extends StreamEvent>(deps: StreamWriterDeps<S, C, E>) {
  let state = deps.initial;
  let version = 0;
  const accepted = new Set<string>();
  const serial = createSerialQueue();

  return {
    state: () => state,
    version: () => version,
    /** Update validator: refuse before anything is recorded (an unsigned command, a decider's no). */
    validate(raw: unknown, envelope?: CommandEnvelope): void {
      requireEnvelope(envelope);
      const command = deps.parse(raw);
      if (!accepted.has(command.commandId) && deps.ready(state)) decideOrFail(deps.decide, command, state);
    },
    /** `envelope`: the API's, passed on untouched; absent for the workflow's own system commands. */
    handle(raw: unknown, envelope?: CommandEnvelope): Promise<Outcome> {
      return serial(async () => {
        const command = deps.parse(raw);
        if (accepted.has(command.commandId)) return { version, events: [], duplicate: true };
        const events = decideOrFail(deps.decide, command, state);
        const result = await appendAuthenticated(() => deps.append({
          streamId: deps.streamId,
          expectedVersion: version,
          commandId: command.commandId,
          events,
          metadata: { commandType: command.type, actorId: command.actor.userId, actorRoles: command.actor.roles, workflowId: workflowInfo().workflowId, runId: workflowInfo().runId },
          occurredAt: command.now,
          ...signedPart(raw, envelope),
        }));
        accepted.add(command.commandId);
        // A duplicate right at our head is this very append, committed by an attempt whose answer
        // was lost (activity retry): it happened, so apply it. Anything older was applied before.
        if (result.duplicate && result.fromVersion !== version + 1) return { version, events: [], duplicate: true };
        for (const e of events) state = deps.evolve(state, e);
        version = result.toVersion;
        return { version, events: events.map((e, i) => ({ type: e.type, version: result.fromVersion + i })), duplicate: false };
      });
    },
  };
}

export function invalidCommand(message: string): never {
  throw ApplicationFailure.create({ type: 'INVALID_COMMAND', message, nonRetryable: true, details: [{ code: 'INVALID_COMMAND', status: 400 }] });
}
