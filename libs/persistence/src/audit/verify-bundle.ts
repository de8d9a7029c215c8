import { createHash, createPublicKey, verify } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { canonicalJson } from '../event-store/canonical-json';
import type { StoredEvent } from '../event-store/event-store.types';
import { normalizeInstant } from '../event-store/hash-chain';
import { foldStored } from '../projections/program.projector';
import { BUNDLE_FORMAT, type BundleManifest } from './audit-bundle';
import { verifyRows } from './chain-verifier';
import type { ChainBreak, ChainRow } from './chain.types';
import { expectedHeads, verifyCheckpoint, type Checkpoint } from './checkpoint';
import { readTar } from './tar';

export interface BundleReport {
  ok: boolean;
  programId?: string;
  streamId?: string;
  events: number;
  runs: number;
  breaks: ChainBreak[];
  problems: string[];
  /** Facts worth telling that are not failures (e.g. events appended after the checkpoint). */
  notes: string[];
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const spki = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' }).toString('base64');

/** Reads the events member; a line that is not JSON is itself a finding, not a crash. */
function parseEvents(text: string, problems: string[]): StoredEvent[] {
  const out: StoredEvent[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line) as StoredEvent);
    } catch {
      problems.push(`events.jsonl line ${i + 1} is not JSON`);
    }
  });
  return out;
}

/**
 * Verifies a bundle with nothing but the file: member hashes against the manifest, the
 * manifest's signature, the hash chain, the checkpoint's signature and that the chain still
 * reaches the checkpoint's head. `trustedPublicKeyPem` pins the signer when the auditor has it.
 */
export function verifyBundle(archive: Buffer, trustedPublicKeyPem?: string): BundleReport {
  const problems: string[] = [];
  const notes: string[] = [];
  const report = (extra: Partial<BundleReport>): BundleReport => ({
    ok: false,
    events: 0,
    runs: 0,
    breaks: [],
    problems,
    notes,
    ...extra,
  });
  let members;
  try {
    members = new Map(readTar(gunzipSync(archive)).map((m) => [m.name, m.content]));
  } catch (e) {
    problems.push(`not a readable bundle: ${(e as Error).message}`);
    return report({});
  }
  const manifestBytes = members.get('manifest.json');
  if (!manifestBytes) {
    problems.push('manifest.json is missing');
    return report({});
  }
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as BundleManifest;
  if (manifest.format !== BUNDLE_FORMAT) problems.push(`unknown bundle format ${String(manifest.format)}`);

  const sig = members.get('manifest.sig.json');
  let signerPem: string | undefined;
  if (!sig) problems.push('manifest.sig.json is missing');
  else {
    const s = JSON.parse(sig.toString('utf8')) as { publicKey: string; signature: string };
    signerPem = s.publicKey;
    try {
      if (!verify(null, manifestBytes, createPublicKey(s.publicKey), Buffer.from(s.signature, 'base64'))) {
        problems.push('the manifest signature does not verify: the manifest was changed after export');
      }
      if (trustedPublicKeyPem && spki(trustedPublicKeyPem) !== spki(s.publicKey)) problems.push('the bundle was signed by another key than the trusted one');
    } catch (e) {
      problems.push(`the manifest signature is malformed: ${(e as Error).message}`);
    }
  }

  const listed = new Set(manifest.members.map((m) => m.name));
  for (const m of manifest.members) {
    const content = members.get(m.name);
    if (!content) problems.push(`${m.name} is listed in the manifest but missing`);
    else if (sha256(content) !== m.sha256) problems.push(`${m.name} does not match its sha256 in the manifest`);
  }
  for (const name of members.keys()) {
    if (!listed.has(name) && name !== 'manifest.json' && name !== 'manifest.sig.json') problems.push(`${name} is not listed in the manifest`);
  }

  const events = parseEvents(members.get('events.jsonl')?.toString('utf8') ?? '', problems);
  let checkpoint: Checkpoint | undefined;
  const cpBytes = members.get('checkpoint.json');
  if (cpBytes) {
    checkpoint = JSON.parse(cpBytes.toString('utf8')) as Checkpoint;
    const check = verifyCheckpoint(checkpoint, trustedPublicKeyPem ?? signerPem);
    problems.push(...check.problems.map((p) => `checkpoint: ${p}`));
  } else notes.push('the bundle holds no checkpoint: truncation before export cannot be ruled out');
  const cpHeads = checkpoint?.heads.filter((h) => h.streamId === manifest.streamId) ?? [];
  if (checkpoint && cpHeads.length === 0) notes.push('the checkpoint does not cover this stream (it was made before the program existed)');

  const rows: ChainRow[] = events.map((e) => ({
    streamId: e.streamId,
    version: e.version,
    type: e.type,
    dataJson: canonicalJson(e.data),
    metadataJson: canonicalJson(e.metadata),
    occurredAt: normalizeInstant(e.occurredAt),
    prevHash: e.prevHash,
    hash: e.hash,
  }));
  const foreign = rows.find((r) => r.streamId !== manifest.streamId);
  if (foreign) problems.push(`events.jsonl holds an event of another stream (${foreign.streamId})`);
  const manifestHead = { streamId: manifest.streamId, ...manifest.head };
  const result = verifyRows(rows, expectedHeads(cpHeads, manifest.head.version > 0 ? [manifestHead] : []));
  if (cpHeads[0] && rows.length > cpHeads[0].version) notes.push(`${rows.length - cpHeads[0].version} event(s) were appended after the checkpoint`);

  const stateBytes = members.get('state.json');
  if (result.breaks.length === 0 && stateBytes) {
    try {
      const stated = JSON.parse(stateBytes.toString('utf8')) as { state: unknown };
      if (canonicalJson(stated.state) !== canonicalJson(JSON.parse(JSON.stringify(foldStored(events))))) problems.push('state.json is not the fold of the events');
    } catch (e) {
      problems.push(`the events do not fold into a state: ${(e as Error).message}`);
    }
  }
  for (const run of manifest.runs) {
    const h = members.get(run.member);
    try {
      if (h) JSON.parse(h.toString('utf8'));
    } catch {
      problems.push(`${run.member} is not JSON`);
    }
  }
  return report({
    ok: problems.length === 0 && result.breaks.length === 0,
    programId: manifest.programId,
    streamId: manifest.streamId,
    events: events.length,
    runs: manifest.runs.length,
    breaks: result.breaks,
  });
}
