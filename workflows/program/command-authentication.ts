// How workflows take part in command authentication: they cannot check a signature (no keys, no
// I/O), so they refuse an Update that carries no envelope before it is recorded, pass the envelope
// and the command as received to the append activity untouched, and turn the activity's refusal
// into the Update's failure with its stable code (the state is not advanced: nothing was appended).
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { Actor } from '@mutu/domain';
import type { CommandEnvelope, SignedCommand } from './program.activities';

/** The append activity's refusal codes (see libs/persistence command-envelope.ts). */
const AUTHENTICATION_CODES = new Set(['COMMAND_UNSIGNED', 'COMMAND_SIGNATURE_INVALID', 'COMMAND_ENVELOPE_MISMATCH']);

function refused(type: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, details: [{ code: type, status: 403, details: null }] });
}

/** Update validators: a command from outside the workflow must carry the API's envelope. */
export function requireEnvelope(envelope: unknown): void {
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    throw refused('COMMAND_UNSIGNED', 'the command carries no signed envelope');
  }
}

/** The part of the append input the activity verifies; nothing for the workflow's own commands. */
export function signedPart(raw: unknown, envelope: CommandEnvelope | undefined): { signed?: SignedCommand } {
  if (envelope === undefined) return {};
  const { actor, payload } = raw as { actor: Actor; payload: unknown };
  return { signed: { envelope, actor, payload } };
}

/** Runs an append; an authentication refusal becomes a plain failure with the refusal's code. */
export async function appendAuthenticated<T>(append: () => Promise<T>): Promise<T> {
  try {
    return await append();
  } catch (e) {
    const cause = e instanceof ActivityFailure ? e.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type && AUTHENTICATION_CODES.has(cause.type)) throw refused(cause.type, cause.message);
    throw e;
  }
}
