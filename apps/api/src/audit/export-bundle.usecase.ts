import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { Actor } from '@mutu/domain';
import { EventStore } from '@mutu/persistence';
import { ChainBrokenError, exportProgramBundle } from '@mutu/temporal';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { AuditAccess } from './audit-access.service';
import { AUDIT_SIGNING_KEY, type AuditSigningKey } from './audit-signing-key.provider';

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
    try {
      return await exportProgramBundle({ ds: this.ds, store: this.store, client: this.client, key: this.key }, programId);
    } catch (e) {
      if (e instanceof ChainBrokenError) throw new ApiError(409, e.code, e.message, { details: e.breaks });
      throw e;
    }
  }
}
