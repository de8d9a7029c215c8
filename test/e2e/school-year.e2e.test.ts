// A school's BOSP year end to end, in a database of its own: two programs whose activities spend
// under BOSP components with receipts as evidence, the statutory report deadlines (the stage I
// report reminder runs on the time-skipping server with the worker's real activities and reaches a
// real SMTP server; the principal's submission closes the deadline), and the annual realisation
// XLSX whose totals equal the sum of the expenditures, read back with exceljs.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { OutboxDispatcher, SmtpEmailSender, HttpWebhookSender } from '@mutu/notifications';
import { schoolReportingStreamId, type Actor, type SchoolReportingCommand } from '@mutu/domain';
import { recordSubmissionUpdate, schoolReportingWorkflow, schoolReportingWorkflowId } from '@mutu/workflows';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { startTestStack, type TestStack } from '../support/stack';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { signedArgs } from '../support/command-signing';
import { startProgramHarness, type ProgramHarness } from '../workflow/program-harness';
import { onOrBefore, workdays, wib, localDate } from '../workflow/wib-calendar';
import { EMAIL, PNG_BYTES, SCHOOL, evidenceForm, http, loginAll, openDb, statutorySubmissionForm, type HttpResult } from './api-helpers';

const YEAR = 2025;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function arkasExport(tag: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('BOS-K7').addRows([['Ekspor ARKAS', tag], ['Sekolah', SCHOOL]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const submissionForm = (bytes: Buffer, submittedOn: string) => statutorySubmissionForm(bytes, 'arkas-export.xlsx', submittedOn);

describe("a school's BOSP year", () => {
  let stack: TestStack;
  let iso: IsolatedDatabase;
  let db: DataSource;
  let t: Record<keyof typeof EMAIL, string>;
  let smtp: SmtpSink;
  const spent: number[] = [];
  const ok = (r: HttpResult, status = 200) => {
    if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };

  beforeAll(async () => {
    iso = await isolatedDatabase('mutu_school_year');
    stack = await startTestStack({ DATABASE_URL: iso.url });
    db = await openDb(iso.url);
    t = await loginAll(stack);
    smtp = await startSmtpSink();
  }, 120_000);

  afterAll(async () => {
    await smtp?.close();
    await db?.destroy();
    await stack?.stop();
    await iso?.drop();
  });

  const activity = (id: string, component: string, amount: number, month: string) => ({
    id, title: `Kegiatan ${id}`, kind: 'other', window: { start: `${YEAR}-${month}-02`, end: `${YEAR}-${month}-25` },
    budget: { line: component, amount, component }, location: 'Sekolah', requiredEvidence: ['photo'],
  });

  async function runProgram(title: string, activities: ReturnType<typeof activity>[], spend: [string, string, number][]) {
    const plan = { objectives: ['Mutu'], standard: 'proses', indicators: ['Tercapai'], activities };
    const id = ok(await http(stack, t.principal, 'POST', '/programs', { schoolId: SCHOOL, budgetYear: YEAR, title, plan }), 201).body.programId;
    ok(await http(stack, t.principal, 'POST', `/programs/${id}/plan/submit`, {}));
    ok(await http(stack, t.supervisor, 'POST', `/programs/${id}/plan/decision`, { decision: 'approve' }));
    for (const a of activities) ok(await http(stack, t.principal, 'POST', `/programs/${id}/activities/${a.id}/assignment`, { personInCharge: 'u-staff', participants: [] }));
    ok(await http(stack, t.principal, 'POST', `/programs/${id}/assignments/confirm`, {}));
    for (const a of activities) ok(await http(stack, t.staff, 'POST', `/programs/${id}/activities/${a.id}/start`, {}));
    for (const [n, [act, date, amount]] of spend.entries()) {
      const receipt = Buffer.concat([PNG_BYTES, Buffer.from(`${id}-${n}`)]);
      ok(await http(stack, t.staff, 'POST', `/programs/${id}/activities/${act}/evidence`, evidenceForm(receipt, `kwitansi-${n}.png`, 'receipt')), 201);
      ok(await http(stack, t.staff, 'POST', `/programs/${id}/activities/${act}/expenditures`, { expenditureId: `e${n}`, date, amount, payee: 'Toko Buku Sejahtera', evidenceSha256: sha(receipt) }), 201);
      spent.push(amount);
    }
    return id;
  }

  it('two programs record expenditures per BOSP component, each backed by a receipt', async () => {
    await runProgram('Literasi kelas awal', [activity('act-1', 'perpustakaan', 6_000_000, '03'), activity('act-2', 'profesi_gtk', 4_000_000, '08')], [
      ['act-1', `${YEAR}-03-10`, 2_750_000], ['act-1', `${YEAR}-03-20`, 1_250_000], ['act-2', `${YEAR}-08-12`, 3_900_000],
    ]);
    await runProgram('Asesmen kelas 4', [activity('act-1', 'asesmen_evaluasi', 2_500_000, '10')], [['act-1', `${YEAR}-10-14`, 2_400_000]]);
    const rows: { n: string }[] = await db.query(`SELECT count(*)::text AS n FROM realisation_expenditures WHERE school_id = $1 AND budget_year = $2 AND evidence_sha256 IS NOT NULL`, [SCHOOL, YEAR]);
    expect(rows[0].n).toBe('4');
  });

  it('the annual realisation XLSX totals equal the sum of the expenditures', async () => {
    const total = spent.reduce((a, b) => a + b, 0);
    const x = await http(stack, t.principal, 'GET', `/schools/${SCHOOL}/realisation/${YEAR}/xlsx`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as never);
    const belanja = wb.getWorksheet('Belanja')!;
    const amounts: number[] = [];
    belanja.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value !== 'TOTAL') amounts.push(Number(row.getCell(9).value));
    });
    expect(amounts.sort()).toEqual([...spent].sort());
    for (const name of ['Komponen', 'Program']) {
      const ws = wb.getWorksheet(name)!;
      let sum = 0;
      for (let r = 2; r < ws.rowCount; r++) sum += Number(ws.getRow(r).getCell(6).value);
      expect([name, sum, ws.getRow(ws.rowCount).getCell(6).value]).toEqual([name, total, total]);
    }
    // Stage I (January–June): the two March receipts only.
    expect(wb.getWorksheet('Komponen')!.getRow(wb.getWorksheet('Komponen')!.rowCount).getCell(4).value).toBe(4_000_000);
  });

  it('lists both statutory deadlines; the principal records the submissions with the ARKAS export and each deadline closes', async () => {
    const before = ok(await http(stack, t.principal, 'GET', `/schools/${SCHOOL}/statutory-deadlines/${YEAR}`)).body;
    expect(before.deadlines.map((d: { report: string; dueDate: string }) => [d.report, d.dueDate])).toEqual([['stage_one', `${YEAR}-07-31`], ['annual', `${YEAR + 1}-01-31`]]);
    expect(before.deadlines.map((d: { status: string }) => d.status)).toEqual(['overdue', 'overdue']);

    const file = await arkasExport('tahap-1');
    const url = (report: string) => `/schools/${SCHOOL}/statutory-deadlines/${YEAR}/${report}/submission`;
    expect((await http(stack, t.staff, 'POST', url('stage_one'), submissionForm(file, `${YEAR}-07-25`))).status).toBe(403);
    expect((await http(stack, t.otherPrincipal, 'POST', url('stage_one'), submissionForm(file, `${YEAR}-07-25`))).status).toBe(404);
    expect((await http(stack, t.principal, 'POST', url('stage_two'), submissionForm(file, `${YEAR}-07-25`))).status).toBe(400);
    const future = await http(stack, t.principal, 'POST', url('stage_one'), submissionForm(file, '2999-01-01'));
    expect([future.status, future.body.code]).toEqual([422, 'INVALID_SUBMISSION_DATE']);
    const noFile = await http(stack, t.principal, 'POST', url('stage_one'), (() => { const f = new FormData(); f.append('submittedOn', `${YEAR}-07-25`); return f; })());
    expect([noFile.status, noFile.body.code]).toEqual([400, 'MISSING_FILE']);

    const stageOne = ok(await http(stack, t.principal, 'POST', url('stage_one'), submissionForm(file, `${YEAR}-07-25`)), 201).body;
    expect(stageOne.deadlines[0]).toMatchObject({ report: 'stage_one', status: 'submitted', submittedOn: `${YEAR}-07-25`, evidence: { sha256: sha(file), filename: 'arkas-export.xlsx' } });
    const again = await http(stack, t.principal, 'POST', url('stage_one'), submissionForm(await arkasExport('lagi'), `${YEAR}-07-26`));
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_SUBMITTED']);

    // The annual report went in during February: the 2 % cut window.
    const annual = ok(await http(stack, t.principal, 'POST', url('annual'), submissionForm(await arkasExport('tahunan'), `${YEAR + 1}-02-10`)), 201).body;
    expect(annual.deadlines[1]).toMatchObject({ status: 'submitted', cut: { window: 'february', percent: 2, forfeitsStageOne: false } });
    const stored = await db.query(`SELECT type FROM events WHERE stream_id = $1 ORDER BY version`, [schoolReportingStreamId(SCHOOL, YEAR)]);
    expect(stored.map((e: { type: string }) => e.type)).toEqual(['SchoolReportingOpened', 'StatutoryReportSubmitted', 'StatutoryReportSubmitted']);
  });

  describe('the stage I report reminder (time-skipping Temporal, the worker\'s activities, SMTP)', () => {
    const NEXT = 2027;
    let h: ProgramHarness;

    beforeAll(async () => {
      // The harness's worker reads its configuration from the environment: point it at this test's database.
      const saved = process.env.DATABASE_URL;
      process.env.DATABASE_URL = iso.url;
      try {
        h = await startProgramHarness();
      } finally {
        process.env.DATABASE_URL = saved;
      }
    }, 120_000);

    afterAll(async () => {
      await h?.stop();
    });

    it('reminds the principal 10, 5, 2, 1 and 0 working days before 31 July by email with the cut windows; the submission closes the deadline', async () => {
      const [school]: { region_id: string }[] = await db.query('SELECT region_id FROM schools WHERE school_id = $1', [SCHOOL]);
      const streamId = schoolReportingStreamId(SCHOOL, NEXT);
      const lastDay = onOrBefore(`${NEXT}-07-31`);
      let delivered = 0;
      await h.withWorker(async () => {
        const handle = await h.client.workflow.start(schoolReportingWorkflow, {
          taskQueue: h.taskQueue,
          workflowId: schoolReportingWorkflowId(SCHOOL, NEXT),
          args: [{ schoolId: SCHOOL, regionId: school.region_id, budgetYear: NEXT, timeZone: 'Asia/Jakarta', dueDates: { stage_one: `${NEXT}-07-31`, annual: `${NEXT + 1}-01-31` } }],
        });
        const until = async (iso: string) => {
          const now = await h.env.currentTimeMs();
          if (Date.parse(iso) > now) await h.env.sleep(Date.parse(iso) - now);
        };
        await until(wib(lastDay, '12:00'));
        // The worker's outbox dispatcher, as it runs beside the worker, sends what is queued so far.
        delivered = await dispatch(streamId);
        const principal: Actor = { userId: 'u-principal', roles: ['principal'], schoolIds: [SCHOOL], regionIds: [] };
        const file = await arkasExport('2027');
        const command: SchoolReportingCommand = {
          commandId: `${streamId}:submit`, type: 'RecordReportSubmission', actor: principal, now: new Date(await h.env.currentTimeMs()).toISOString(),
          payload: { report: 'stage_one', submittedOn: lastDay, evidence: { sha256: sha(file), filename: 'arkas.xlsx', size: file.length, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } },
        };
        await handle.executeUpdate(recordSubmissionUpdate, { args: signedArgs(command as never) as never, updateId: command.commandId });
        await until(wib(workdays(`${NEXT}-07-31`, 6), '12:00'));
        await handle.terminate('the test is over');
      });

      const events: { type: string; data: { report: string; offsetWorkingDays?: number; at: string } }[] = await db.query(
        'SELECT type, data::jsonb AS data FROM events WHERE stream_id = $1 ORDER BY version', [streamId],
      );
      const reminders = events.filter((e) => e.type === 'StatutoryReminderIssued');
      expect(reminders.map((e) => [e.data.report, e.data.offsetWorkingDays, localDate(e.data.at)])).toEqual(
        [10, 5, 2, 1, 0].map((n) => ['stage_one', n, workdays(lastDay, -n)]),
      );
      // Submitted on the last working day: nothing missed, nothing escalated.
      expect(events.map((e) => e.type).filter((x) => x !== 'StatutoryReminderIssued')).toEqual(['SchoolReportingOpened', 'StatutoryReportSubmitted']);
      const [row] = await db.query(`SELECT status, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on FROM statutory_deadlines WHERE school_id = $1 AND budget_year = $2 AND report = 'stage_one'`, [SCHOOL, NEXT]);
      expect(row).toEqual({ status: 'submitted', submitted_on: lastDay });

      expect(delivered).toBe(5);
      const toPrincipal = smtp.mails.filter((m) => m.to.includes(EMAIL.principal));
      expect(toPrincipal).toHaveLength(5);
      const last = toPrincipal.find((m) => m.subject.includes('hari kerja terakhir'))!;
      expect(last.subject).toBe(`Pengingat: laporan realisasi BOSP tahap I ${NEXT} — ${await schoolName()} jatuh tempo ${NEXT}-07-31 (hari kerja terakhir)`);
      for (const cut of ['2% bila disampaikan pada bulan Februari', '3% pada bulan Maret', '4% pada 1 April–25 Juni', 'setelah 25 Juni']) expect(last.text).toContain(cut);
    }, 300_000);
  });

  async function dispatch(streamId: string): Promise<number> {
    const email = new SmtpEmailSender({ host: '127.0.0.1', port: smtp.port, from: 'Mutu <noreply@mutu.local>' });
    try {
      return await new OutboxDispatcher(db, { workerId: 'school-year', email, webhook: new HttpWebhookSender('x'.repeat(32)), programIdPrefix: streamId }).runOnce();
    } finally {
      email.close();
    }
  }

  async function schoolName(): Promise<string> {
    return (await db.query('SELECT name FROM schools WHERE school_id = $1', [SCHOOL]))[0].name;
  }
});
