import { createHash } from 'node:crypto';
import { ApiError } from '../common/api-error';
import { extensionOf, sanitizeFilename, sniffMime } from './mime-sniff';

export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export interface CheckedUpload {
  filename: string;
  sha256: string;
  size: number;
  mimeType: string;
  buffer: Buffer;
}

/** The one gate every stored file passes: a plain name, not empty, and bytes that match the name. */
export function checkUpload(file: UploadedFile | undefined): CheckedUpload {
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
  return { filename, sha256, size: file.buffer.length, mimeType: type.mimeType, buffer: file.buffer };
}

function invalid(path: string, code: string, message: string): ApiError {
  return new ApiError(400, code, message, { issues: [{ path, message }] });
}
