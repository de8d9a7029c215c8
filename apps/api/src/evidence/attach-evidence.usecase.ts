import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor, EvidenceKind } from '@mutu/domain';
import { ApiError } from '../common/api-error';
import { SendCommandUseCase } from '../programs/send-command.usecase';
import { ROUTES } from '../routes/route-table';
import { EvidenceStorage } from './evidence-storage';
import { extensionOf, sanitizeFilename, sniffMime } from './mime-sniff';

export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** Checks the bytes, stores them by hash, then sends AttachEvidence with the hash and metadata only. */
@Injectable()
export class AttachEvidenceUseCase {
  constructor(
    @Inject(EvidenceStorage) private readonly storage: EvidenceStorage,
    @Inject(SendCommandUseCase) private readonly send: SendCommandUseCase,
  ) {}

  async execute(actor: Actor, programId: string, activityId: string, kind: EvidenceKind, file: UploadedFile | undefined, key?: string) {
    if (!file) throw invalid('file', 'MISSING_FILE', 'Attach the file in the "file" field.');
    // multer decodes names as latin1; clients send UTF-8.
    const rawName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const filename = sanitizeFilename(rawName);
    if (!filename) throw invalid('file', 'INVALID_FILENAME', 'The file name must be a plain name without path parts.');
    if (file.size === 0 || file.buffer.length === 0) throw invalid('file', 'EMPTY_FILE', 'The file is empty.');
    const type = sniffMime(file.buffer);
    if (!type) throw new ApiError(415, 'UNSUPPORTED_FILE_TYPE', 'Only PNG, JPEG, PDF, XLSX, DOCX and CSV files are accepted.');
    if (!type.extensions.includes(extensionOf(filename))) {
      throw new ApiError(415, 'FILE_TYPE_MISMATCH', `The file content is ${type.mimeType}, which does not match the name "${filename}".`, {
        details: { detected: type.mimeType, allowedExtensions: type.extensions },
      });
    }
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const body = { kind, filename, sha256 };
    return this.send.execute({
      actor,
      programId,
      type: 'AttachEvidence',
      request: { method: 'POST', route: ROUTES.attachEvidence.path, params: { id: programId, activityId }, body },
      idempotencyKey: key,
      // Stored only once the program is known to be visible to the caller.
      payload: async () => {
        await this.storage.put(file.buffer);
        return { activityId, sha256, kind, filename, size: file.buffer.length, mimeType: type.mimeType };
      },
    });
  }
}

function invalid(path: string, code: string, message: string): ApiError {
  return new ApiError(400, code, message, { issues: [{ path, message }] });
}
