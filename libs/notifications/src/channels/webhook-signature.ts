import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-mutu-signature';
export const TIMESTAMP_HEADER = 'x-mutu-timestamp';
export const DELIVERY_HEADER = 'x-mutu-delivery';
/** A signed request older (or newer) than this is refused: a captured request cannot be replayed later. */
export const DEFAULT_REPLAY_WINDOW_SECONDS = 300;

/** `sha256=<hex HMAC-SHA256 of "${timestamp}.${body}">`; timestamp in Unix seconds. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type WebhookVerdict = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'bad_signature' };

/** For receivers (and tests): checks the signature in constant time and the replay window. */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  nowMs: number,
  windowSeconds = DEFAULT_REPLAY_WINDOW_SECONDS,
): WebhookVerdict {
  const sig = headers[SIGNATURE_HEADER];
  const ts = headers[TIMESTAMP_HEADER];
  if (typeof sig !== 'string' || typeof ts !== 'string' || !/^\d+$/.test(ts)) return { ok: false, reason: 'missing' };
  if (Math.abs(nowMs / 1000 - Number(ts)) > windowSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signWebhook(secret, Number(ts), body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}
