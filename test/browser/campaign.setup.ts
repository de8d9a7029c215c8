// The campaign the organiser walks through in campaign.browser.test.ts: two clusters of one core and
// three impact schools in Jakarta Timur, imported through the API as one CSV whose dates are
// relative to today (the period runs from 60 days ago to 30 days ahead; meeting 1 was planned 5
// days ago, so it is due but not yet overdue; the others lie ahead).
import type { TestStack } from '../support/stack';
import { PASSWORD } from './support/ui';

export const ORGANISER = 'lpmp@demo.mutu.id';
const REGION = 'reg-jaktim';
const ZONE = 'Asia/Jakarta';
/** The seed's campaign schools (NPSN 20110001…); the two older Jakarta Timur schools otherwise. */
const SEEDED_NPSN = Array.from({ length: 8 }, (_, i) => String(20110001 + i));
const FALLBACK_SCHOOLS = ['sch-sdn-cipinang-01', 'sch-smpn-duren-02'];

export interface CampaignFixture {
  campaignId: string;
  title: string;
  today: string;
  clusters: { code: string; schools: string[] }[];
}

/** YYYY-MM-DD in Jakarta, `days` from now. */
export function jakartaDate(days: number, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now.getTime() + days * 86_400_000));
}

async function call(stack: TestStack, token: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${stack.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `${path}-${Date.now()}-${Math.random()}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The organiser's token; creates the organiser as admin when the demo seed does not have it yet. */
async function organiserToken(stack: TestStack, admin: string): Promise<string> {
  try {
    return await stack.login(ORGANISER);
  } catch {
    const res = await call(stack, admin, 'POST', '/admin/users', {
      userId: 'u-lpmp', email: ORGANISER, name: 'Tim LPMP DKI Jakarta', password: PASSWORD, roles: ['district_officer'], regionIds: [REGION],
    });
    if (res.status !== 201) throw new Error(`create organiser: ${res.status} ${await res.text()}`);
    return stack.login(ORGANISER);
  }
}

/** Eight Jakarta Timur school keys: seeded NPSNs when present, else the two older schools plus new ones. */
async function campaignSchools(stack: TestStack, admin: string, tag: string): Promise<string[]> {
  const res = await call(stack, admin, 'GET', '/admin/schools');
  const known = new Set(((await res.json()) as { npsn: string | null }[]).map((s) => s.npsn));
  if (SEEDED_NPSN.every((n) => known.has(n))) return SEEDED_NPSN;
  const created: string[] = [];
  for (let i = 1; i <= 8 - FALLBACK_SCHOOLS.length; i++) {
    const schoolId = `sch-cmp-${tag}-${i}`;
    const made = await call(stack, admin, 'POST', '/admin/schools', { schoolId, regionId: REGION, name: `SD Negeri Uji ${tag.toUpperCase()} ${i}`, level: 'SD', timeZone: ZONE });
    if (made.status !== 201) throw new Error(`create school: ${made.status} ${await made.text()}`);
    created.push(schoolId);
  }
  return [...FALLBACK_SCHOOLS, ...created];
}

const COLUMNS = ['record', 'cluster', 'school', 'position', 'number', 'date', 'email', 'team_role', 'name', 'title', 'start', 'end', 'materials', 'region', 'time_zone', 'organiser'];

const csvRow = (cells: Record<string, string>) =>
  COLUMNS
    .map((c) => {
      const v = cells[c] ?? '';
      return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');

export function campaignCsv(title: string, clusters: CampaignFixture['clusters'], now = new Date()): string {
  const rows = [
    COLUMNS.join(','),
    csvRow({ record: 'campaign', title, start: jakartaDate(-60, now), end: jakartaDate(30, now), region: REGION, time_zone: ZONE, organiser: 'LPMP DKI Jakarta' }),
  ];
  const meetingDays = [-5, 6, 13, 20];
  for (const c of clusters) {
    c.schools.forEach((school, i) => rows.push(csvRow({ record: 'school', cluster: c.code, school, position: i === 0 ? 'core' : `impact${i}` })));
    meetingDays.forEach((d, i) => rows.push(csvRow({ record: 'meeting', cluster: c.code, number: String(i + 1), date: jakartaDate(d, now) })));
    rows.push(csvRow({ record: 'team', cluster: c.code, email: 'pengawas@demo.mutu.id', team_role: 'supervisor' }));
    rows.push(csvRow({ record: 'team', cluster: c.code, email: 'pengawas2@demo.mutu.id', team_role: 'trainer' }));
  }
  return rows.join('\r\n') + '\r\n';
}

/** Imports the campaign as the organiser (through POST /campaigns/import) and says what it made. */
export async function importCampaign(stack: TestStack): Promise<CampaignFixture> {
  const admin = await stack.login('admin@demo.mutu.id');
  const organiser = await organiserToken(stack, admin);
  const tag = Date.now().toString(36);
  const schools = await campaignSchools(stack, admin, tag);
  const clusters = [
    { code: 'K01', schools: schools.slice(0, 4) },
    { code: 'K02', schools: schools.slice(4, 8) },
  ];
  const title = `Pendampingan Budaya Mutu SD ${tag}`;
  const form = new FormData();
  form.append('file', new Blob([campaignCsv(title, clusters)], { type: 'text/csv' }), 'kampanye.csv');
  const res = await fetch(`${stack.baseUrl}/campaigns/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${organiser}`, 'idempotency-key': `import-${tag}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`import campaign: ${res.status} ${await res.text()}`);
  const { campaignId } = (await res.json()) as { campaignId: string };
  return { campaignId, title, today: jakartaDate(0), clusters };
}
