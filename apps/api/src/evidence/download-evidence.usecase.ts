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
    // A state is kept as JSON text: one whose text does not hold the hash is passed over before
    // it is parsed for the path query.
    const rows: { meta: { filename: string; mimeType: string } | null }[] = await this.ds.query(
      `SELECT jsonb_path_query_first(p.state::jsonb, '$.plan.activities[*].evidence[*] ? (@.sha256 == $h)', jsonb_build_object('h', $1::text)) AS meta
         FROM programs p
        WHERE ${scope.sql}
          AND position($1::text IN p.state::text) > 0
          AND jsonb_path_exists(p.state::jsonb, '$.plan.activities[*].evidence[*] ? (@.sha256 == $h)', jsonb_build_object('h', $1::text))
        LIMIT 1`,
      [sha256, ...scope.params],
    );
    const meta = rows[0]?.meta;
    if (!meta) throw notFound('evidence');
    const file = await this.storage.open(sha256);
    if (!file) throw notFound('evidence');
    return { ...file, filename: meta.filename, mimeType: meta.mimeType };
  }
}
