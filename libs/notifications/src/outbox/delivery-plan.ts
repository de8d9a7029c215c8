import { addDays, localDateOf, zonedDateTimeToInstant } from '@mutu/calendar';

export interface Preferences {
  email_enabled: boolean | null;
  webhook_url: string | null;
  digest: boolean | null;
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: string | null;
  /** The webhook channel's switch (the URL stays stored while it is off). */
  webhook_enabled?: boolean | null;
}

export interface Delivery {
  channel: 'email' | 'webhook';
  /** null: as soon as possible; otherwise held until then (quiet hours, daily digest). */
  notBefore: string | null;
  digest: boolean;
  /** digest only: the user's local day whose digest carries the message (one email per day). */
  digestDate?: string;
}

/** The fixed local hour of the daily digest (held until quiet hours end when they cover it). */
export const DIGEST_LOCAL_TIME = '07:00';

function localTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

/** The next instant (strictly after `instant`) at which the local clock shows `time`. */
export function nextLocalTime(instant: string, time: string, timeZone: string): string {
  const today = localDateOf(instant, timeZone);
  const candidate = zonedDateTimeToInstant(today, time, timeZone);
  return Date.parse(candidate) > Date.parse(instant) ? candidate : zonedDateTimeToInstant(addDays(today, 1), time, timeZone);
}

export function inQuietHours(instant: string, start: string, end: string, timeZone: string): boolean {
  const t = localTime(instant, timeZone);
  return start <= end ? t >= start && t < end : t >= start || t < end;
}

/**
 * When the next daily digest after `instant` goes out, and which local day it belongs to: the next
 * DIGEST_LOCAL_TIME, moved to the end of the quiet hours when they cover it.
 */
export function nextDigestSlot(instant: string, p: Partial<Preferences>): { notBefore: string; digestDate: string } {
  const tz = p.time_zone ?? 'Asia/Jakarta';
  const slot = nextLocalTime(instant, DIGEST_LOCAL_TIME, tz);
  const digestDate = localDateOf(slot, tz);
  if (p.quiet_start && p.quiet_end && inQuietHours(slot, p.quiet_start, p.quiet_end, tz)) {
    return { notBefore: nextLocalTime(slot, p.quiet_end, tz), digestDate };
  }
  return { notBefore: slot, digestDate };
}

/** Which channels a notification goes out on for one user, and when. */
export function deliveryPlan(p: Partial<Preferences>, hasEmail: boolean, at: string): Delivery[] {
  const tz = p.time_zone ?? 'Asia/Jakarta';
  let notBefore: string | null = null;
  if (p.quiet_start && p.quiet_end && inQuietHours(at, p.quiet_start, p.quiet_end, tz)) notBefore = nextLocalTime(at, p.quiet_end, tz);
  const out: Delivery[] = [];
  if (hasEmail && p.email_enabled !== false) {
    out.push(p.digest ? { channel: 'email', ...nextDigestSlot(at, p), digest: true } : { channel: 'email', notBefore, digest: false });
  }
  if (p.webhook_url && p.webhook_enabled !== false) out.push({ channel: 'webhook', notBefore, digest: false });
  return out;
}
