import { addDays, localDateOf, zonedDateTimeToInstant } from '@mutu/calendar';

export interface Preferences {
  email_enabled: boolean | null;
  webhook_url: string | null;
  digest: boolean | null;
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: string | null;
}

export interface Delivery {
  channel: 'email' | 'webhook';
  /** null: as soon as possible; otherwise held until then (quiet hours, daily digest). */
  notBefore: string | null;
  digest: boolean;
}

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

/** Which channels a notification goes out on for one user, and when. */
export function deliveryPlan(p: Partial<Preferences>, hasEmail: boolean, at: string): Delivery[] {
  const tz = p.time_zone ?? 'Asia/Jakarta';
  let notBefore: string | null = null;
  if (p.quiet_start && p.quiet_end && inQuietHours(at, p.quiet_start, p.quiet_end, tz)) notBefore = nextLocalTime(at, p.quiet_end, tz);
  const out: Delivery[] = [];
  if (hasEmail && p.email_enabled !== false) {
    out.push(p.digest ? { channel: 'email', notBefore: nextLocalTime(at, DIGEST_LOCAL_TIME, tz), digest: true } : { channel: 'email', notBefore, digest: false });
  }
  if (p.webhook_url) out.push({ channel: 'webhook', notBefore, digest: false });
  return out;
}
