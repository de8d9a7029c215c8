import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { DataSource } from 'typeorm';
import { notFound } from '../common/api-error';
import { scopeCondition } from '../programs/programs.repository';
import { EvidenceStorage } from './evidence-storage';

/** A file may be downloaded by whoever can see a program that references it (by hash). */
@Injectable()
export class DownloadEvidenceUseCase {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(EvidenceStorage) private readonly storage: EvidenceStorage,
  ) {}

  async execute(actor: Actor, sha256: string) {
    const scope = scopeCondition(actor, 'p', 2);
    // The evidence index, by hash, joined to the programs the caller may see.
    const rows: { filename: string; mime_type: string }[] = await this.ds.query(
      `SELECT e.filename, e.mime_type
         FROM program_evidence e JOIN programs p ON p.program_id = e.program_id
        WHERE e.sha256 = $1 AND ${scope.sql}
        LIMIT 1`,
      [sha256, ...scope.params],
    );
    const meta = rows[0];
    if (!meta) throw notFound('evidence');
    const file = await this.storage.open(sha256);
    if (!file) throw notFound('evidence');
    return { ...file, filename: meta.filename, mimeType: meta.mime_type };
  }
}
