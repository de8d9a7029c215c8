// A school's BOSP year over HTTP: two programs whose budget lines name components of the 2025
// list, expenditures backed by uploaded receipts, purchase orders and quotes, an overspend the
// supervisor acknowledges, and the realisation report read back from XLSX (exceljs) and CSV.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { startTestStack, type TestStack } from '../support/stack';
import { EMAIL, PNG_BYTES, SCHOOL, eventCount, evidenceForm, http, loginAll, openDb, type HttpResult } from './api-helpers';

const YEAR = 2025;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const file = (tag: string) => Buffer.concat([PNG_BYTES, Buffer.from(tag)]);

function activity(id: string, line: string, amount: number, month: string, component?: string, kind = 'other') {
  return {
    id,
    title: `Kegiatan ${id} (${line})`,
    kind,
    window: { start: `${YEAR}-${month}-02`, end: `${YEAR}-${month}-25` },
    budget: { line, amount, ...(component ? { component } : {}) },
    location: 'Sekolah',
    requiredEvidence: ['photo'],
  };
}
const planOf = (activities: unknown[]) => ({ objectives: ['Mutu'], standard: 'sarana_prasarana', indicators: ['Tercapai'], activities });

describe('BOSP realisation over a school year', () => {
  let stack: TestStack;
  let iso: IsolatedDatabase;
  let db: DataSource;
  let t: Record<keyof typeof EMAIL, string>;
  let progA: string;
  let progB: string;
  const ok = (r: HttpResult, status = 200) => {
    if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };
  const upload = async (program: string, act: string, tag: string, kind: string) => {
    const bytes = file(tag);
    ok(await http(stack, t.staff, 'POST', `/programs/${program}/activities/${act}/evidence`, evidenceForm(bytes, `${tag}.png`, kind)), 201);
    return sha(bytes);
  };
  const spend = (program: string, act: string, body: Record<string, unknown>) =>
    http(stack, t.staff, 'POST', `/programs/${program}/activities/${act}/expenditures`, { payee: 'CV Sumber Ilmu', ...body });

  async function toExecute(programId: string, activityIds: string[]) {
    ok(await http(stack, t.principal, 'POST', `/programs/${programId}/plan/submit`, {}));
    ok(await http(stack, t.supervisor, 'POST', `/programs/${programId}/plan/decision`, { decision: 'approve' }));
    for (const a of activityIds) ok(await http(stack, t.principal, 'POST', `/programs/${programId}/activities/${a}/assignment`, { personInCharge: 'u-staff', participants: [] }));
    ok(await http(stack, t.principal, 'POST', `/programs/${programId}/assignments/confirm`, {}));
    for (const a of activityIds) ok(await http(stack, t.staff, 'POST', `/programs/${programId}/activities/${a}/start`, {}));
  }

  beforeAll(async () => {
    // A database of its own: the school's year must hold only this test's programs and expenditures
    // (other tests of the run spend at the same demo school), and its BOSP lists only the seeded ones.
    iso = await isolatedDatabase('mutu_realisation');
    stack = await startTestStack({ DATABASE_URL: iso.url });
    db = await openDb(iso.url);
    t = await loginAll(stack);
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
    await iso?.drop();
  });

  it('serves the seeded 2025 list with its source; admins alone set a year, bad lists are 400', async () => {
    const list = ok(await http(stack, t.staff, 'GET', `/bosp/components/${YEAR}`)).body;
    expect(list.source).toContain('Nomor 63 Tahun 2023');
    expect(list.components).toHaveLength(12);
    expect(list.components.map((c: { name: string }) => c.name)).toContain('Pembiayaan Langganan Daya dan Jasa');
    expect((await http(stack, t.admin, 'GET', '/bosp/components/2031')).body).toMatchObject({ source: null, components: [] });
    const body = { source: 'Uji', components: [{ code: 'honor', name: 'Pembayaran Honor' }] };
    expect((await http(stack, t.principal, 'PUT', '/bosp/components/2031', body)).status).toBe(403);
    const dup = await http(stack, t.admin, 'PUT', '/bosp/components/2031', { ...body, components: [...body.components, ...body.components] });
    expect([dup.status, dup.body.issues?.[0]?.path]).toEqual([400, 'components.1.code']);
    expect((await http(stack, t.admin, 'PUT', '/bosp/components/2031', { ...body, components: [{ code: 'Bad Code', name: 'x' }] })).status).toBe(400);
    expect(ok(await http(stack, t.admin, 'PUT', '/bosp/components/2031', body)).body).toMatchObject({ budgetYear: 2031, components: body.components, updatedBy: 'u-admin' });
  });

  it('a plan line outside the year list is refused at submission (422), the free text kept; naming a code passes', async () => {
    const created = ok(
      await http(stack, t.principal, 'POST', '/programs', {
        schoolId: SCHOOL, budgetYear: YEAR, title: 'Sarana belajar',
        plan: planOf([activity('act-1', 'Pengembangan Profesi Guru dan Tenaga Kependidikan', 7_500_000, '03'), activity('act-2', 'Sarana kelas', 100_000_000, '08', undefined, 'facilities_procurement')]),
      }),
      201,
    );
    progA = created.body.programId;
    const refused = await http(stack, t.principal, 'POST', `/programs/${progA}/plan/submit`, {});
    expect([refused.status, refused.body.code]).toEqual([422, 'UNKNOWN_BOSP_COMPONENT']);
    expect((await http(stack, t.principal, 'POST', `/programs/${progA}/plan/submit`, { bospComponents: ['honor'] })).status).toBe(400);
    const fixed = planOf([
      activity('act-1', 'Pengembangan Profesi Guru dan Tenaga Kependidikan', 7_500_000, '03'),
      activity('act-2', 'Sarana kelas', 100_000_000, '08', 'pemeliharaan_sarpras', 'facilities_procurement'),
    ]);
    ok(await http(stack, t.qa, 'PUT', `/programs/${progA}/plan`, { plan: fixed }));
    await toExecute(progA, ['act-1', 'act-2']);

    progB = ok(
      await http(stack, t.principal, 'POST', '/programs', { schoolId: SCHOOL, budgetYear: YEAR, title: 'Perpustakaan kelas', plan: planOf([activity('act-1', 'x', 2_000_000, '02', 'perpustakaan')]) }),
      201,
    ).body.programId;
    await toExecute(progB, ['act-1']);
  });

  it('records expenditures with their evidence; refusals are 400/422 and record nothing', async () => {
    const receipt = await upload(progA, 'act-1', 'kwitansi-a1', 'receipt');
    const photo = await upload(progA, 'act-1', 'foto-a1', 'photo');
    const before = await eventCount(db, progA);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ expenditureId: 'e1', date: `${YEAR}-03-05`, amount: -5, evidenceSha256: receipt }, 400, 'VALIDATION_FAILED'],
      [{ expenditureId: 'e1', date: `${YEAR}-03-05`, amount: 5, evidenceSha256: receipt, bospComponents: ['x'] }, 400, 'VALIDATION_FAILED'],
      [{ expenditureId: 'e1', date: `${YEAR}-03-05`, amount: 5, evidenceSha256: photo }, 422, 'EXPENDITURE_EVIDENCE_REQUIRED'],
      [{ expenditureId: 'e1', date: `${YEAR}-03-05`, amount: 5, evidenceSha256: receipt, component: 'tidak_ada' }, 422, 'UNKNOWN_BOSP_COMPONENT'],
      [{ expenditureId: 'e1', date: `${YEAR + 1}-01-05`, amount: 5, evidenceSha256: receipt }, 422, 'INVALID_EXPENDITURE'],
    ];
    for (const [body, status, code] of cases) {
      const r = await spend(progA, 'act-1', body);
      expect([JSON.stringify(body), r.status, r.body.code]).toEqual([JSON.stringify(body), status, code]);
    }
    expect(await eventCount(db, progA)).toBe(before);

    ok(await spend(progA, 'act-1', { expenditureId: 'e1', date: `${YEAR}-03-05`, amount: 3_000_000, evidenceSha256: receipt }), 201);
    ok(await spend(progA, 'act-1', { expenditureId: 'e-wrong', date: `${YEAR}-03-06`, amount: 1_000, evidenceSha256: receipt }), 201);
    const inUse = await http(stack, t.staff, 'DELETE', `/programs/${progA}/activities/act-1/evidence/${receipt}`, { reason: 'salah' });
    expect([inUse.status, inUse.body.code]).toEqual([409, 'EVIDENCE_IN_USE']);
    const withdrawn = ok(await http(stack, t.staff, 'DELETE', `/programs/${progA}/activities/act-1/expenditures/e-wrong`, { reason: 'Salah catat' })).body;
    expect(withdrawn.state.plan.activities[0].expenditures.map((e: { expenditureId: string }) => e.expenditureId)).toEqual(['e1']);

    // Rp 120 million through SIPLah: two quotes needed; 20 % over the plan needs the supervisor.
    const po = await upload(progA, 'act-2', 'po-a2', 'purchase_order');
    const q1 = await upload(progA, 'act-2', 'quote-1', 'supplier_quote');
    const q2 = await upload(progA, 'act-2', 'quote-2', 'supplier_quote');
    const big = { expenditureId: 'e2', date: `${YEAR}-08-10`, amount: 120_000_000, siplahOrderNumber: 'SPL-2025-0042', evidenceSha256: po };
    const short = await spend(progA, 'act-2', { ...big, supplierQuotes: [q1] });
    expect([short.status, short.body.code]).toEqual([422, 'INSUFFICIENT_SUPPLIER_QUOTES']);
    ok(await spend(progA, 'act-2', { ...big, supplierQuotes: [q1, q2] }), 201);
    const complete = { actualStart: `${YEAR}-08-02`, actualEnd: `${YEAR}-08-20`, outcome: 'Ruang kelas diperbaiki' };
    const waiting = await http(stack, t.staff, 'POST', `/programs/${progA}/activities/act-2/complete`, complete);
    expect([waiting.status, waiting.body.code]).toEqual([422, 'OVERSPEND_NOT_ACKNOWLEDGED']);
    expect((await http(stack, t.staff, 'POST', `/programs/${progA}/activities/act-2/overspend/acknowledge`, {})).status).toBe(403);
    ok(await http(stack, t.supervisor, 'POST', `/programs/${progA}/activities/act-2/overspend/acknowledge`, { reason: 'Harga bahan naik' }));
    const done = ok(await http(stack, t.staff, 'POST', `/programs/${progA}/activities/act-2/complete`, complete)).body;
    expect(done.state.plan.activities[1].execution.realisedCost).toBe(120_000_000);

    const receiptB = await upload(progB, 'act-1', 'kwitansi-b1', 'receipt');
    ok(await spend(progB, 'act-1', { expenditureId: 'e1', date: `${YEAR}-02-10`, amount: 1_500_000, evidenceSha256: receiptB }), 201);
  });

  it('reports planned vs realised per component and program; the XLSX and CSV totals equal the expenditures', async () => {
    const spent = 3_000_000 + 120_000_000 + 1_500_000;
    const json = ok(await http(stack, t.principal, 'GET', `/schools/${SCHOOL}/realisation/${YEAR}`)).body;
    expect(json.total).toMatchObject({ planned: 109_500_000, realised: spent, realisedStage1: 4_500_000, plannedStage1: 9_500_000, variance: spent - 109_500_000 });
    expect(json.components.find((c: { key: string }) => c.key === 'pemeliharaan_sarpras')).toMatchObject({ planned: 100_000_000, realised: 120_000_000, realisedStage1: 0, percent: 120 });
    expect(json.programs.map((p: { key: string }) => p.key).sort()).toEqual([progA, progB].sort());

    const x = await http(stack, t.auditor, 'GET', `/schools/${SCHOOL}/realisation/${YEAR}/xlsx`);
    expect([x.status, x.headers.get('content-type')]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Info', 'Komponen', 'Program', 'Belanja']);
    const belanja = wb.getWorksheet('Belanja')!;
    const amounts: number[] = [];
    belanja.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value !== 'TOTAL') amounts.push(Number(row.getCell(9).value));
    });
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(spent);
    expect(amounts).toHaveLength(3);
    for (const name of ['Komponen', 'Program']) {
      const ws = wb.getWorksheet(name)!;
      const total = ws.getRow(ws.rowCount);
      expect([total.getCell(1).value, total.getCell(4).value, total.getCell(6).value]).toEqual(['TOTAL', 4_500_000, spent]);
      let sum = 0;
      for (let r = 2; r < ws.rowCount; r++) sum += Number(ws.getRow(r).getCell(6).value);
      expect(sum).toBe(spent);
    }

    const csv = await http(stack, t.supervisor, 'GET', `/schools/${SCHOOL}/realisation/${YEAR}/csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = (csv.body as string).trim().split('\r\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['section', 'key', 'name', 'planned_stage_1', 'realised_stage_1', 'planned_annual', 'realised_annual', 'variance_annual', 'realisation_percent']);
    const bySection = (s: string) => rows.filter((r) => r[0] === s);
    expect(bySection('total')[0]!.slice(3, 7).map(Number)).toEqual([9_500_000, 4_500_000, 109_500_000, spent]);
    expect(bySection('component').reduce((a, r) => a + Number(r[6]), 0)).toBe(spent);
    expect(bySection('program').reduce((a, r) => a + Number(r[6]), 0)).toBe(spent);
  });

  it('refuses a school out of scope (404) and a bad year (400)', async () => {
    expect((await http(stack, t.otherPrincipal, 'GET', `/schools/${SCHOOL}/realisation/${YEAR}/xlsx`)).status).toBe(404);
    expect((await http(stack, t.principal, 'GET', `/schools/${SCHOOL}/realisation/1999/csv`)).status).toBe(400);
  });

  it('the implementation report carries the realisation attachment', async () => {
    const html = ok(await http(stack, t.principal, 'GET', `/programs/${progA}/report.html`)).body as string;
    expect(html).toContain('LAMPIRAN: REALISASI ANGGARAN PER KOMPONEN BOSP');
    expect(html).toContain('SPL-2025-0042');
    expect(html).toContain('Pemeliharaan Sarana dan Prasarana Sekolah');
    expect(html).toContain('Rp 123.000.000');
  });

  it('the read model is a fold of the events: a rebuild gives the same rows', async () => {
    const snapshot = () => db.query('SELECT * FROM realisation_expenditures WHERE school_id = $1 AND budget_year = $2 ORDER BY program_id, expenditure_id', [SCHOOL, YEAR]);
    const live = await snapshot();
    const { EventStore, RealisationProjector } = await import('@mutu/persistence');
    const store = new EventStore(db);
    for (const id of [progA, progB]) {
      const events = await store.readStream(`program-${id}`);
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM realisation_expenditures WHERE program_id = $1', [id]);
        await new RealisationProjector().apply(tx, `program-${id}`, events);
      });
    }
    expect(await snapshot()).toEqual(live);
    expect(live).toHaveLength(3);
  });
});
