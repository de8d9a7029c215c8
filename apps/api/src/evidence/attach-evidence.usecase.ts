import { Inject, Injectable } from '@nestjs/common';
import type { Actor, EvidenceKind } from '@mutu/domain';
import { SendCommandUseCase } from '../programs/send-command.usecase';
import { ROUTES } from '../routes/route-table';
import { EvidenceStorage } from './evidence-storage';
import { checkUpload, type UploadedFile } from './checked-upload';

export type { UploadedFile } from './checked-upload';

/** Checks the bytes, stores them by hash, then sends AttachEvidence with the hash and metadata only. */
@Injectable()
export class AttachEvidenceUseCase {
  constructor(
    @Inject(EvidenceStorage) private readonly storage: EvidenceStorage,
    @Inject(SendCommandUseCase) private readonly send: SendCommandUseCase,
  ) {}

  async execute(actor: Actor, programId: string, activityId: string, kind: EvidenceKind, file: UploadedFile | undefined, key?: string) {
    const upload = checkUpload(file);
    const body = { kind, filename: upload.filename, sha256: upload.sha256 };
    return this.send.execute({
      actor,
      programId,
      type: 'AttachEvidence',
      request: { method: 'POST', route: ROUTES.attachEvidence.path, params: { id: programId, activityId }, body },
      idempotencyKey: key,
      // Stored only once the program is known to be visible to the caller.
      payload: async () => {
        await this.storage.put(upload.buffer);
        return { activityId, sha256: upload.sha256, kind, filename: upload.filename, size: upload.size, mimeType: upload.mimeType };
      },
    });
  }
}
