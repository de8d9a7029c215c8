import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { CONFIG, type Config } from '@mutu/config';
import type { Request, Response } from 'express';
import multer from 'multer';
import { from, switchMap, type Observable } from 'rxjs';
import { ApiError } from '../common/api-error';

/**
 * Parses multipart/form-data with one field `file`, in memory, capped at UPLOAD_MAX_BYTES.
 * `preservePath` keeps the client's name as sent so a `../` name is refused, not silently trimmed.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(@Inject(CONFIG) config: Config) {
    this.upload = multer({
      storage: multer.memoryStorage(),
      preservePath: true,
      limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 8 },
    }).single('file');
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!req.is('multipart/form-data')) {
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send evidence as multipart/form-data with a "file" field.');
    }
    const parsed = new Promise<void>((resolve, reject) =>
      this.upload(req, res, (err: unknown) => (err ? reject(toApiError(err)) : resolve())),
    );
    return from(parsed).pipe(switchMap(() => next.handle()));
  }
}

function toApiError(err: unknown): ApiError {
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') return new ApiError(413, 'FILE_TOO_LARGE', 'The file is larger than the upload limit.');
    return new ApiError(400, 'BAD_UPLOAD', `The upload is not valid: ${err.message}.`, { issues: [{ path: err.field ?? 'file', message: err.code }] });
  }
  return new ApiError(400, 'BAD_UPLOAD', 'The multipart body could not be read.');
}
