// The Content-Security-Policy of the web app (/app/). Script only from this origin, never inline
// and never eval; no plugins; no <base>; never framed. Styles from this origin, plus the report
// preview's one <style> block by its hash (the srcdoc frame inherits this policy). Images may be
// data: or blob: URLs (evidence thumbnails are fetched with the bearer token and shown as blobs).
import { createHash } from 'node:crypto';
import { REPORT_CSS } from '../report/report.html';

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const WEB_APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${hashOf(REPORT_CSS)}`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
