import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { Actor } from '@mutu/domain';
import { buildBundle, CheckpointRepository, EventStore, programStreamId, verifyStore, type Checkpoint } from '@mutu/persistence';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { AuditAccess } from './audit-access.service';
import { AUDIT_SIGNING_KEY, type AuditSigningKey } from './audit-signing-key.provider';
import { fetchProgramRuns, toRunHistories } from './temporal-histories';

export interface ExportDeps {
  ds: DataSource;
  store: EventStore;
  client: Client;
  key: AuditSigningKey;
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
    if (!report.ok) throw new ApiError(409, 'CHAIN_BROKEN', 'The event chain of this program is broken; verify it before exporting.', { details: report.breaks });
    checkpoint = await checkpoints.create(deps.key);
  }
  const histories = toRunHistories(await fetchProgramRuns(deps.client, streamId));
  return buildBundle({ programId, streamId, events, histories, checkpoint, key: deps.key });
}

@Injectable()
export class ExportBundleUseCase {
  constructor(
    @Inject(AuditAccess) private readonly access: AuditAccess,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Client) private readonly client: Client,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey,
  ) {}

  async execute(actor: Actor, programId: string) {
    await this.access.program(actor, programId);
    return exportProgramBundle({ ds: this.ds, store: this.store, client: this.client, key: this.key }, programId);
  }
}
