// A program's audit bundle (events, Temporal histories, signed checkpoint), shared by the API's
// export route and the `mutu audit export` command.
import type { Client } from '@temporalio/client';
import { buildBundle, CheckpointRepository, programStreamId, RunArchive, verifyStore, type AuditSigningKey, type Checkpoint, type EventStore } from '@mutu/persistence';
import type { DataSource } from 'typeorm';
import { fetchProgramRuns, toRunHistories } from './run-histories';

export interface ExportDeps {
  ds: DataSource;
  store: EventStore;
  client: Client;
  key: AuditSigningKey;
}

/** The program's chain is broken: no bundle is built over it (the API answers 409 CHAIN_BROKEN). */
export class ChainBrokenError extends Error {
  readonly code = 'CHAIN_BROKEN';
  constructor(readonly breaks: unknown) {
    super('The event chain of this program is broken; verify it before exporting.');
    this.name = 'ChainBrokenError';
  }
}

/**
 * Builds a program's bundle. When no checkpoint covers the stream yet, the chain is verified and
 * a new checkpoint signed first, so every bundle carries a signed head.
 */
export async function exportProgramBundle(deps: ExportDeps, programId: string) {
  const streamId = programStreamId(programId);
  const events = await deps.store.readStream(streamId);
  const checkpoints = new CheckpointRepository(deps.ds);
  let checkpoint: Checkpoint | undefined = await checkpoints.latest();
  if (!checkpoint?.heads.some((h) => h.streamId === streamId)) {
    const report = await verifyStore(deps.ds, { streamId });
    if (!report.ok) throw new ChainBrokenError(report.breaks);
    checkpoint = await checkpoints.create(deps.key);
  }
  const histories = toRunHistories(await fetchProgramRuns(deps.client, streamId, new RunArchive(deps.ds)));
  return buildBundle({ programId, streamId, events, histories, checkpoint, key: deps.key });
}
