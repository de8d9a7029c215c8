// Evidence is behind the bearer token, so images are fetched as blobs rather than plain <img src>.
import { useEffect, useState } from 'react';
import { authHeader } from '../api/client';

/** Fetches `src` (an API path) with the bearer token; an object URL of the image, or null. */
export function useEvidenceUrl(src: string, enabled: boolean): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let revoked = false;
    let objectUrl: string | null = null;
    fetch(src, { headers: authHeader() })
      .then((r) => (r.ok ? r.blob() : null))
      .then((blob) => {
        if (!blob || revoked) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => undefined);
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [src, enabled]);
  return url;
}

export function EvidenceThumb({ sha256, mimeType, filename, src = `/evidence/${sha256}` }: { sha256: string; mimeType: string; filename: string; src?: string }) {
  const isImage = mimeType.startsWith('image/');
  const url = useEvidenceUrl(src, isImage);
  if (isImage && url) return <img className="thumb" src={url} alt={filename} width={96} height={96} />;
  return <span className="thumb file" aria-hidden="true">{(filename.split('.').pop() ?? 'file').slice(0, 4).toUpperCase()}</span>;
}
