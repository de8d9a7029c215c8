import type { Readable } from 'node:stream';
import type { Response } from 'express';

/** Streams a content-addressed file: immutable by its hash, never sniffed by the browser. */
export function sendStoredFile(res: Response, sha256: string, file: { stream: Readable; size: number; filename: string; mimeType: string }): void {
  res.setHeader('content-type', file.mimeType);
  res.setHeader('content-length', String(file.size));
  res.setHeader('etag', `"${sha256}"`);
  res.setHeader('cache-control', 'private, max-age=31536000, immutable');
  res.setHeader('x-content-type-options', 'nosniff');
  res.attachment(file.filename);
  file.stream.pipe(res);
}
