import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import { canonicalJson } from '../event-store/canonical-json';
import type { StreamHead } from './chain.types';
import type { AuditSigningKey } from './signing-key';

/** The head of every stream at one moment, signed: a copy kept elsewhere reveals truncation. */
export interface Checkpoint {
  checkpointId?: string;
  createdAt: string;
  streams: number;
  events: number;
  /** sha256 over "stream_id version hash\n" of every head, in stream order. */
  root: string;
  heads: StreamHead[];
  publicKey: string;
  /** Ed25519 signature (base64) of the canonical JSON of every other field but checkpointId. */
  signature: string;
}

export function headsRoot(heads: readonly StreamHead[]): string {
  const h = createHash('sha256');
  for (const head of heads) h.update(`${head.streamId} ${head.version} ${head.hash}\n`);
  return h.digest('hex');
}

function signedBytes(c: Omit<Checkpoint, 'signature' | 'checkpointId'>): Buffer {
  return Buffer.from(
    canonicalJson({ createdAt: c.createdAt, streams: c.streams, events: c.events, root: c.root, heads: c.heads, publicKey: c.publicKey }),
  );
}

export function signCheckpoint(heads: StreamHead[], key: AuditSigningKey, createdAt = new Date().toISOString()): Checkpoint {
  const sorted = [...heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  const body = {
    createdAt,
    streams: sorted.length,
    events: sorted.reduce((n, h) => n + h.version, 0),
    root: headsRoot(sorted),
    heads: sorted,
    publicKey: key.publicKeyPem,
  };
  return { ...body, signature: sign(null, signedBytes(body), key.privateKey).toString('base64') };
}

export interface CheckpointCheck {
  ok: boolean;
  problems: string[];
}

/** Signature, root and (when given) that the signer is the trusted key. */
export function verifyCheckpoint(c: Checkpoint, trustedPublicKeyPem?: string): CheckpointCheck {
  const problems: string[] = [];
  try {
    const key = createPublicKey(c.publicKey);
    if (!verify(null, signedBytes(c), key, Buffer.from(c.signature, 'base64'))) problems.push('the checkpoint signature does not verify');
    if (trustedPublicKeyPem) {
      const spki = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' }).toString('base64');
      if (spki(trustedPublicKeyPem) !== spki(c.publicKey)) problems.push('the checkpoint was signed by another key than the trusted one');
    }
  } catch (e) {
    problems.push(`the checkpoint key or signature is malformed: ${(e as Error).message}`);
  }
  if (headsRoot(c.heads) !== c.root) problems.push('the checkpoint root does not match its heads');
  return { ok: problems.length === 0, problems };
}

/** Heads by stream, the form the verifier takes. */
export function expectedHeads(...sources: (readonly StreamHead[] | undefined)[]): Map<string, StreamHead[]> {
  const m = new Map<string, StreamHead[]>();
  for (const heads of sources) {
    for (const h of heads ?? []) {
      const list = m.get(h.streamId);
      if (list) list.push(h);
      else m.set(h.streamId, [h]);
    }
  }
  return m;
}
