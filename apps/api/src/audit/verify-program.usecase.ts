import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { CheckpointRepository, programStreamId, verifyStore } from '@mutu/persistence';
import { DataSource } from 'typeorm';
import { AuditAccess } from './audit-access.service';
import { AUDIT_SIGNING_KEY, type AuditSigningKey } from './audit-signing-key.provider';

/** Recomputes the program's chain and holds it against the latest checkpoint. */
@Injectable()
export class VerifyProgramUseCase {
  constructor(
    @Inject(AuditAccess) private readonly access: AuditAccess,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey,
  ) {}

  async execute(actor: Actor, programId: string) {
    await this.access.program(actor, programId);
    const latest = await new CheckpointRepository(this.ds).latest();
    const report = await verifyStore(this.ds, {
      streamId: programStreamId(programId),
      checkpoints: latest ? [latest] : [],
      trustedPublicKeyPem: this.key.publicKeyPem,
    });
    return { programId, ...report };
  }
}
