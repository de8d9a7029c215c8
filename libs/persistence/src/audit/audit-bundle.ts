import { createHash, sign } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { StoredEvent } from '../event-store/event-store.types';
import { foldStored } from '../projections/program.projector';
import type { Checkpoint } from './checkpoint';
import type { AuditSigningKey } from './signing-key';
import { writeTar, type TarMember } from './tar';

export const BUNDLE_FORMAT = 'mutu-audit-bundle/1';

/** One Temporal run's history, as `historyToJSON` wrote it. */
export interface RunHistory {
  workflowId: string;
  runId: string;
  json: string;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  programId: string;
  streamId: string;
  exportedAt: string;
  events: number;
  head: { version: number; hash: string };
  runs: { workflowId: string; runId: string; member: string }[];
  members: { name: string; sha256: string; bytes: number }[];
}

export interface BundleInput {
  programId: string;
  streamId: string;
  events: StoredEvent[];
  histories: RunHistory[];
  checkpoint?: Checkpoint;
  key: AuditSigningKey;
  exportedAt?: string;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + '\n');

/** Evidence files (hash and metadata) as the folded state records them, per activity. */
export function evidenceManifest(state: ReturnType<typeof foldStored>) {
  if (!('plan' in state)) return [];
  return state.plan.activities.flatMap((a) => a.evidence.map((e) => ({ activityId: a.id, ...e })));
}

/**
 * The bundle: a gzip'd ustar archive holding
 *   events.jsonl          every stored event of the stream, one JSON object a line, version order
 *   state.json            the fold of those events at the head
 *   evidence.json         evidence hashes and metadata from that state
 *   temporal/<runId>.json the Temporal history of every run of the program's workflow
 *   checkpoint.json       the latest signed checkpoint (absent when none was ever made)
 *   manifest.json         sha256 and size of every member above
 *   manifest.sig.json     Ed25519 signature of manifest.json with the audit key
 */
export function buildBundle(input: BundleInput): { archive: Buffer; manifest: BundleManifest } {
  const { events } = input;
  const state = foldStored(events);
  const last = events[events.length - 1];
  const members: TarMember[] = [
    { name: 'events.jsonl', content: Buffer.from(events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : '')) },
    { name: 'state.json', content: json({ version: last?.version ?? 0, state }) },
    { name: 'evidence.json', content: json(evidenceManifest(state)) },
    ...input.histories.map((h) => ({ name: `temporal/${h.runId}.json`, content: Buffer.from(h.json) })),
  ];
  if (input.checkpoint) members.push({ name: 'checkpoint.json', content: json(input.checkpoint) });
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    programId: input.programId,
    streamId: input.streamId,
    exportedAt: input.exportedAt ?? new Date().toISOString(),
    events: events.length,
    head: { version: last?.version ?? 0, hash: last?.hash ?? '' },
    runs: input.histories.map((h) => ({ workflowId: h.workflowId, runId: h.runId, member: `temporal/${h.runId}.json` })),
    members: members.map((m) => ({ name: m.name, sha256: sha256(m.content), bytes: m.content.length })),
  };
  const manifestBytes = json(manifest);
  const signature = sign(null, manifestBytes, input.key.privateKey).toString('base64');
  members.push({ name: 'manifest.json', content: manifestBytes });
  members.push({ name: 'manifest.sig.json', content: json({ algorithm: 'ed25519', publicKey: input.key.publicKeyPem, signature }) });
  return { archive: gzipSync(writeTar(members)), manifest };
}
