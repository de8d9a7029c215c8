// Cell-level parsing shared by the record readers: dates, positions, numbers, materials.
import { DEFAULT_MATERIALS, type Material } from '@mutu/domain';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD of a real calendar day, or why not. */
export function parseDate(text: string): { date: string } | { problem: string } {
  const m = ISO_DATE.exec(text);
  if (!m) return { problem: `"${text}" is not a date in YYYY-MM-DD form (e.g. 2027-09-15).` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    return { problem: `${text} is not a day of the calendar.` };
  }
  return { date: text };
}

/** `core` (or `inti`) → 0; `impactN` (or `imbasN`) → N, for N in 1..20. */
export function parsePosition(text: string): number | undefined {
  const t = text.toLowerCase().replace(/[\s_-]/g, '');
  if (t === 'core' || t === 'inti') return 0;
  const m = /^(?:impact|imbas)([1-9]\d?)$/.exec(t);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 20 ? n : undefined;
}

export function parseMeetingNumber(text: string): number | undefined {
  if (!/^\d{1,2}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 21 ? n : undefined;
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Cluster codes become ids and workflow ids: letters, digits, `-`, `_`; compared in upper case. */
export function parseClusterCode(text: string): string | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(text) ? text.toUpperCase() : undefined;
}

/**
 * `;`-separated titles → materials. A title of the domain's default list keeps its id (so reports
 * group campaigns alike); others get a slug of the title. Empty → the default list.
 */
export function parseMaterials(text: string): { materials: Material[]; duplicates: string[] } {
  const titles = text.split(';').map((t) => t.trim()).filter((t) => t !== '');
  if (titles.length === 0) return { materials: DEFAULT_MATERIALS.map((m) => ({ ...m })), duplicates: [] };
  const seen = new Set<string>();
  const materials: Material[] = [];
  const duplicates: string[] = [];
  for (const [i, title] of titles.entries()) {
    const known = DEFAULT_MATERIALS.find((m) => m.title.toLowerCase() === title.toLowerCase());
    const id = known?.id ?? (slug(title) || `materi-${i + 1}`);
    if (seen.has(id)) duplicates.push(title);
    seen.add(id);
    materials.push({ id, title });
  }
  return { materials, duplicates };
}

function slug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
