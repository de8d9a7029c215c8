import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from './canonical-json';

/**
 * What the API vouches for when it sends a command: who acts (id, roles, scope), which command
 * (id, type, payload hash) and when. Signed with HMAC-SHA256; the worker's append activity checks
 * it against the command it is about to record, so a command sent straight to Temporal (no
 * envelope, a forged one, or a real one taken from another command) is never recorded.
 */
export interface CommandEnvelope {
  v: 1;
  alg: 'HMAC-SHA256';
  actorId: string;
  roles: string[];
  schoolIds: string[];
  regionIds: string[];
  commandId: string;
  commandType: string;
  /** sha256 of the canonical JSON of the payload, as the API sent it. */
  payloadHash: string;
  /** The command's `now`: also the events' occurred_at, so a signed command cannot be backdated. */
  issuedAt: string;
  /** base64url HMAC-SHA256 of the canonical JSON of every other field. */
  signature: string;
}

/** The parts of a command an envelope covers. */
export interface SignableCommand {
  commandId: string;
  type: string;
  now: string;
  actor: { userId: string; roles: readonly string[]; schoolIds: readonly string[]; regionIds: readonly string[] };
  payload: unknown;
}

/** Stable codes of a refused command (the append activity's non-retryable failure types). */
export const COMMAND_UNSIGNED = 'COMMAND_UNSIGNED';
export const COMMAND_SIGNATURE_INVALID = 'COMMAND_SIGNATURE_INVALID';
export const COMMAND_ENVELOPE_MISMATCH = 'COMMAND_ENVELOPE_MISMATCH';
export const COMMAND_AUTHENTICATION_CODES: readonly string[] = [COMMAND_UNSIGNED, COMMAND_SIGNATURE_INVALID, COMMAND_ENVELOPE_MISMATCH];

export class CommandAuthenticationError extends Error {
  constructor(
    readonly code: typeof COMMAND_UNSIGNED | typeof COMMAND_SIGNATURE_INVALID | typeof COMMAND_ENVELOPE_MISMATCH,
    message: string,
  ) {
    super(message);
    this.name = 'CommandAuthenticationError';
  }
}

export function payloadHashOf(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload ?? null)).digest('hex');
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export class CommandSigner {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new RangeError('a command signing key needs at least 32 bytes');
  }

  sign(command: SignableCommand): CommandEnvelope {
    const body: Omit<CommandEnvelope, 'signature'> = {
      v: 1,
      alg: 'HMAC-SHA256',
      actorId: command.actor.userId,
      roles: [...command.actor.roles],
      schoolIds: [...command.actor.schoolIds],
      regionIds: [...command.actor.regionIds],
      commandId: command.commandId,
      commandType: command.type,
      payloadHash: payloadHashOf(command.payload),
      issuedAt: command.now,
    };
    return { ...body, signature: this.mac(body) };
  }

  /** Throws a CommandAuthenticationError unless `envelope` is this key's signature of exactly `command`. */
  verify(envelope: unknown, command: SignableCommand): void {
    if (envelope === undefined || envelope === null) throw new CommandAuthenticationError(COMMAND_UNSIGNED, `command ${command.commandId} carries no signed envelope`);
    const e = envelope as Partial<CommandEnvelope>;
    if (typeof e !== 'object' || e.v !== 1 || e.alg !== 'HMAC-SHA256' || typeof e.signature !== 'string') {
      throw new CommandAuthenticationError(COMMAND_SIGNATURE_INVALID, `command ${command.commandId}: the envelope is not a v1 HMAC-SHA256 envelope`);
    }
    const { signature, ...body } = e as CommandEnvelope;
    const expected = Buffer.from(this.mac(body), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new CommandAuthenticationError(COMMAND_SIGNATURE_INVALID, `command ${command.commandId}: the envelope's signature does not verify`);
    }
    const mismatch = [
      body.commandId !== command.commandId && 'command id',
      body.commandType !== command.type && 'command type',
      body.actorId !== command.actor.userId && 'actor',
      !(Array.isArray(body.roles) && sameList(body.roles, command.actor.roles)) && 'roles',
      !(Array.isArray(body.schoolIds) && sameList(body.schoolIds, command.actor.schoolIds)) && 'school scope',
      !(Array.isArray(body.regionIds) && sameList(body.regionIds, command.actor.regionIds)) && 'region scope',
      body.issuedAt !== command.now && 'time',
      body.payloadHash !== payloadHashOf(command.payload) && 'payload',
    ].filter((x): x is string => typeof x === 'string');
    if (mismatch.length > 0) {
      throw new CommandAuthenticationError(COMMAND_ENVELOPE_MISMATCH, `command ${command.commandId}: the signed envelope does not match its ${mismatch.join(', ')}`);
    }
  }

  private mac(body: object): string {
    return createHmac('sha256', this.key).update(canonicalJson(body)).digest('base64url');
  }
}

export interface CommandSigningKeyOptions {
  COMMAND_SIGNING_KEY?: string;
  NODE_ENV: 'development' | 'test' | 'production';
  /** Absolute data directory, where a development key is kept for every process of the stack. */
  dataDir: string;
  log?: (line: string) => void;
}

export const COMMAND_SIGNING_KEY_FILE = 'command-signing-key';

/**
 * COMMAND_SIGNING_KEY when set (production requires it). Otherwise the key in
 * `<DATA_DIR>/command-signing-key`, made once (random) by whichever process needs it first, so the
 * API and the workers of one stack share it.
 */
export function loadCommandSigningKey(opts: CommandSigningKeyOptions): Buffer {
  if (opts.COMMAND_SIGNING_KEY) return Buffer.from(opts.COMMAND_SIGNING_KEY, 'utf8');
  if (opts.NODE_ENV === 'production') {
    throw new Error('COMMAND_SIGNING_KEY is required in production: set a random secret of at least 32 characters, the same for the API and every worker');
  }
  const file = join(opts.dataDir, COMMAND_SIGNING_KEY_FILE);
  mkdirSync(opts.dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    opts.log?.(`commands: COMMAND_SIGNING_KEY not set, generated a development key in ${file}`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}

export function commandSignerFrom(opts: CommandSigningKeyOptions): CommandSigner {
  return new CommandSigner(loadCommandSigningKey(opts));
}
