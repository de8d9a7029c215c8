import { COMMAND_ENVELOPE_MISMATCH, COMMAND_UNSIGNED, CommandAuthenticationError, type CommandSigner } from '@mutu/persistence';
import type { AppendEventsInput } from '@mutu/workflows';

/**
 * Commands a workflow issues on its own, as the system actor, from data the worker computed
 * (deadline and meeting schedules), from its start input (a cluster's opening, an approved RTL's
 * program) or from a child's completion. They carry no envelope: the workflows refuse any Update
 * without one, so a system command can only come from the workflow's own code.
 */
export const SYSTEM_COMMAND_TYPES: ReadonlySet<string> = new Set([
  'RecordReminder',
  'RecordDeadlineMissed',
  'RecordEscalation',
  'CreateProgram',
  'OpenCluster',
  'RecordMeetingReminder',
  'RecordMeetingOverdue',
  'RecordMeetingEscalation',
  'RecordRtlProgramOpened',
  'RecordClusterCompleted',
  'OpenSchoolReporting',
  'RecordStatutoryReminder',
  'RecordStatutoryDeadlineMissed',
  'RecordStatutoryEscalation',
]);
const SYSTEM_ACTOR_ID = 'system';

const sameList = (a: unknown, b: readonly string[]) => Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Refuses (CommandAuthenticationError) an append that no one vouched for: a user's command needs
 * the API's signed envelope matching the command and the actor recorded in the events' metadata;
 * a command without one must be a system command of the system actor.
 */
export function authenticateAppend(signer: CommandSigner, input: AppendEventsInput): void {
  const commandType = String(input.metadata.commandType);
  const { actorId, actorRoles } = input.metadata as { actorId?: unknown; actorRoles?: unknown };
  if (input.signed === undefined) {
    if (actorId === SYSTEM_ACTOR_ID && sameList(actorRoles, ['system']) && SYSTEM_COMMAND_TYPES.has(commandType)) return;
    throw new CommandAuthenticationError(COMMAND_UNSIGNED, `command ${input.commandId} (${commandType}) by ${String(actorId)} carries no signed envelope`);
  }
  const { envelope, actor, payload } = input.signed;
  signer.verify(envelope, { commandId: input.commandId, type: commandType, now: input.occurredAt, actor, payload });
  // What the events will say about their actor is what was signed.
  if (actorId !== actor.userId || !sameList(actorRoles, actor.roles)) {
    throw new CommandAuthenticationError(COMMAND_ENVELOPE_MISMATCH, `command ${input.commandId}: the recorded actor is not the signed one`);
  }
}
