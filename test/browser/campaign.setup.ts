// The campaign the organiser walks through in campaign.browser.test.ts: two clusters of one core and
// three impact schools in Jakarta Timur, imported through the API as one CSV whose dates are
// relative to today (the period runs from 60 days ago to 30 days ahead; meeting 1 was planned 5
// days ago, so it is due but not yet overdue; the others lie ahead).
import type { TestStack } from '../support/stack';

export const ORGANISER = 'lpmp@demo.mutu.id';
const REGION = 'reg-jaktim';
const ZONE = 'Asia/Jakarta';
/** The demo seed's campaign schools in Jakarta Timur (NPSN 20110001…), the first eight. */
const SCHOOLS = Array.from({ length: 8 }, (_, i) => String(20110001 + i));

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

export const campaignClusters = (): CampaignFixture['clusters'] => [
  { code: 'K01', schools: SCHOOLS.slice(0, 4) },
  { code: 'K02', schools: SCHOOLS.slice(4, 8) },
];

/** Imports the campaign as the organiser (through POST /campaigns/import) and says what it made. */
export async function importCampaign(stack: TestStack): Promise<CampaignFixture> {
  const organiser = await stack.login(ORGANISER);
  // The title makes the sheet, and so the campaign id, new on every run.
  const tag = Date.now().toString(36);
  const clusters = campaignClusters();
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
