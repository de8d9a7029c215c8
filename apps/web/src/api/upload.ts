// Multipart uploads through XMLHttpRequest: fetch has no upload progress events.
import { ApiFailure, failureFrom } from './api-failure';
import { authHeader, newIdempotencyKey } from './client';

/** POSTs `file` (and any text fields) as multipart to an API path; resolves with the JSON answer. */
export function uploadFile<T = unknown>(
  path: string,
  file: File,
  fields: Record<string, string> = {},
  onProgress: (fraction: number) => void = () => undefined,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    for (const [k, v] of Object.entries(authHeader())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('idempotency-key', newIdempotencyKey());
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiFailure(0, 'NETWORK', 'network error'));
    xhr.ontimeout = () => reject(new ApiFailure(0, 'TIMEOUT', 'timeout'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else reject(failureFrom(xhr.status, body));
    };
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export function uploadEvidence(
  programId: string,
  activityId: string,
  file: File,
  kind: string,
  onProgress: (fraction: number) => void,
): Promise<unknown> {
  return uploadFile(`/programs/${encodeURIComponent(programId)}/activities/${encodeURIComponent(activityId)}/evidence`, file, { kind }, onProgress);
}
