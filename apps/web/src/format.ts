// Numbers and dates as people in Indonesia write them; dates in the program's (school's) zone.
import type { Lang } from './i18n/i18n';

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';
const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'id-ID');

/** "Rp 1.500.000" — whole rupiah, dots for thousands, in both languages. */
export function rupiah(amount: number): string {
  return `Rp ${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(amount)}`;
}

/** An instant shown as a date and time in the given zone, e.g. "3 Mar 2026 09.00 WIB". */
export function dateTime(iso: string | null | undefined, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(d);
}

/** A calendar date (YYYY-MM-DD) as a date: no zone conversion, it already is local. */
export function localDate(date: string | null | undefined, lang: Lang): string {
  if (!date) return '—';
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

export function monthName(month: number, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month, 1)));
}

/** Today's date in a zone, YYYY-MM-DD. */
export function todayIn(timeZone = DEFAULT_TIME_ZONE, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is past. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const shortHash = (h: string | null | undefined) => (h ? `${h.slice(0, 10)}…` : '—');
