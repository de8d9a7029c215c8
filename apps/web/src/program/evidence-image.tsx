// Evidence is behind the bearer token, so images are fetched as blobs rather than plain <img src>.
import { useEffect, useState } from 'react';
import { authHeader } from '../api/client';

export function useEvidenceUrl(sha256: string, enabled: boolean): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let revoked = false;
    let objectUrl: string | null = null;
    fetch(`/evidence/${sha256}`, { headers: authHeader() })
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
  }, [sha256, enabled]);
  return url;
}

export function EvidenceThumb({ sha256, mimeType, filename }: { sha256: string; mimeType: string; filename: string }) {
  const isImage = mimeType.startsWith('image/');
  const url = useEvidenceUrl(sha256, isImage);
  if (isImage && url) return <img className="thumb" src={url} alt={filename} width={96} height={96} />;
  return <span className="thumb file" aria-hidden="true">{(filename.split('.').pop() ?? 'file').slice(0, 4).toUpperCase()}</span>;
}
