// Plays the demo budget year through the running API, as its people would: principals write and
// submit plans, supervisors approve, persons in charge start activities, upload receipts and record
// expenditures per BOSP component, principals record statutory report submissions. Every request
// carries a fixed Idempotency-Key, and a year already played is left alone, so a restart of
// `npm start` adds nothing twice. Programs run as real workflows, so the demo stays usable.
import { createHash } from 'node:crypto';
import { DEMO_PROGRAMS, DEMO_REPORTING_SCHOOLS, DEMO_SUBMISSIONS, type DemoProgram } from './demo-year.plans';

export interface DemoYearOptions {
  baseUrl: string;
  password: string;
  /** The budget year played; dates after `today` (YYYY-MM-DD) are left out. */
  year: number;
  today: string;
  log?: (line: string) => void;
  /** Each request with its status and time. */
  trace?: (line: string) => void;
}

export interface DemoYearResult {
  played: boolean;
  programs: number;
  expenditures: number;
  submissions: number;
}

/** A 1×1 PNG: the receipts' image (the demo's evidence files differ by a trailing tag). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

class DemoClient {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly o: DemoYearOptions) {}

  private async token(email: string): Promise<string> {
    const known = this.tokens.get(email);
    if (known) return known;
    const res = await fetch(`${this.o.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: this.o.password }) });
    if (res.status !== 200) throw new Error(`demo year: sign-in of ${email} answered ${res.status}`);
    const token = ((await res.json()) as { accessToken: string }).accessToken;
    this.tokens.set(email, token);
    return token;
  }

  /** One request under a fixed idempotency key; 2xx answers only, anything else stops the demo. */
  async call<T = Record<string, unknown>>(email: string, method: string, path: string, key: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.token(email)}`, 'idempotency-key': `demo-year-${this.o.year}-${key}` };
    if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
    const started = Date.now();
    const res = await fetch(`${this.o.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
    const text = await res.text();
    this.o.trace?.(`${method} ${path} ${res.status} ${Date.now() - started} ms`);
    if (res.status >= 300) throw new Error(`demo year: ${method} ${path} answered ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  upload(email: string, path: string, key: string, fields: Record<string, string>, bytes: Buffer, filename: string) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(bytes)]), filename);
    return this.call(email, 'POST', path, key, form);
  }
}

export async function playDemoYear(o: DemoYearOptions): Promise<DemoYearResult> {
  const c = new DemoClient(o);
  const result: DemoYearResult = { played: false, programs: 0, expenditures: 0, submissions: 0 };
  const existing = await c.call<{ items: { title: string; budgetYear: number }[] }>('kepsek@demo.mutu.id', 'GET', '/programs?limit=100', 'list');
  if (existing.items.some((p) => p.budgetYear === o.year && p.title === DEMO_PROGRAMS[0].title)) return result;
  for (const p of DEMO_PROGRAMS) {
    result.expenditures += await playProgram(c, o, p);
    result.programs += 1;
  }
  for (const school of DEMO_REPORTING_SCHOOLS) {
    for (const year of [o.year - 1, o.year]) await c.call('dinas@demo.mutu.id', 'GET', `/schools/${school}/statutory-deadlines/${year}`, `open-${school}-${year}`);
  }
  for (const [school, offset, report, monthDay] of DEMO_SUBMISSIONS) {
    const year = o.year + offset;
    const submittedOn = `${report === 'annual' ? year + 1 : year}-${monthDay}`;
    if (submittedOn > o.today) continue;
    const principal = DEMO_PROGRAMS.find((p) => p.schoolId === school)!.principal;
    const csv = Buffer.from(`kode,uraian,jumlah\n${school},${report},${year}\n`);
    await c.upload(principal, `/schools/${school}/statutory-deadlines/${year}/${report}/submission`, `submit-${school}-${year}-${report}`, { submittedOn }, csv, `arkas-${report}-${year}.csv`);
    result.submissions += 1;
  }
  result.played = true;
  o.log?.(`demo year ${o.year}: ${result.programs} programs, ${result.expenditures} expenditures, ${result.submissions} statutory submissions`);
  return result;
}

/** One program up to its demo stage; answers the number of expenditures recorded. */
async function playProgram(c: DemoClient, o: DemoYearOptions, p: DemoProgram): Promise<number> {
  const day = (md: string) => `${o.year}-${md}`;
  const plan = {
    objectives: [`${p.title}: mutu pembelajaran meningkat`],
    standard: p.standard,
    indicators: ['Target kegiatan tercapai 100%'],
    activities: p.activities.map((a) => ({
      id: a.id, title: a.title, kind: 'other', window: { start: day(a.from), end: day(a.to) },
      budget: { line: a.title, amount: a.amount, component: a.component }, location: 'Sekolah', requiredEvidence: ['photo'],
    })),
  };
  const key = (step: string) => `${p.key}-${step}`;
  const { programId } = await c.call<{ programId: string }>(p.principal, 'POST', '/programs', key('create'), { schoolId: p.schoolId, budgetYear: o.year, title: p.title, plan });
  const at = (path: string) => `/programs/${programId}${path}`;
  if (p.stage === 'plan') return 0;
  await c.call(p.principal, 'POST', at('/plan/submit'), key('submit'), {});
  if (p.stage === 'submitted') return 0;
  await c.call('pengawas@demo.mutu.id', 'POST', at('/plan/decision'), key('approve'), { decision: 'approve' });
  if (p.stage === 'assign') return 0;
  for (const a of p.activities) {
    await c.call(p.principal, 'POST', at(`/activities/${a.id}/assignment`), key(`assign-${a.id}`), { personInCharge: p.personInCharge, participants: [] });
  }
  await c.call(p.principal, 'POST', at('/assignments/confirm'), key('confirm'), {});
  const started = p.activities.filter((a) => a.start && day(a.from) <= o.today);
  for (const a of started) await c.call(p.staff, 'POST', at(`/activities/${a.id}/start`), key(`start-${a.id}`), {});
  let spent = 0;
  for (const a of started) {
    for (const [n, [md, amount, payee]] of (a.spend ?? []).entries()) {
      if (day(md) > o.today) continue;
      const receipt = Buffer.concat([PNG, Buffer.from(`${p.key}-${a.id}-${n}`)]);
      await c.upload(p.staff, at(`/activities/${a.id}/evidence`), key(`receipt-${a.id}-${n}`), { kind: 'receipt' }, receipt, `kwitansi-${a.id}-${n + 1}.png`);
      const sha256 = createHash('sha256').update(receipt).digest('hex');
      await c.call(p.staff, 'POST', at(`/activities/${a.id}/expenditures`), key(`spend-${a.id}-${n}`), { expenditureId: `e${n + 1}`, date: day(md), amount, payee, evidenceSha256: sha256 });
      spent += 1;
    }
  }
  return spent;
}


/** For `npm start`: waits (up to two minutes) for the API to answer, then plays the current budget year. */
export async function playDemoYearWhenUp(baseUrl: string, password: string, log: (line: string) => void): Promise<void> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  for (let i = 0; i < 240; i++) {
    const up = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
    if (up) {
      await playDemoYear({ baseUrl, password, year: Number(today.slice(0, 4)), today, log }).catch((e: unknown) => log(`demo year not played: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  log('demo year not played: the API did not answer within two minutes');
}
