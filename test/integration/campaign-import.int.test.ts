// The import acceptance: a sheet with the 5 seeded errors (unknown school, duplicate school,
// meeting outside the period, missing core school, bad date) reports all 5 with their rows and
// creates nothing; the corrected sheet (docs/examples, as .csv and as .xlsx) validates to the seed's
// whole campaign and, imported for real, starts its workflow once.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { importCampaign, readSheet, SqlCampaignDirectory, validateCampaignSheet } from '@mutu/campaign-import';
import type { Actor, CampaignSetup } from '@mutu/domain';
import { createDataSource, migrate, seedDemoData } from '@mutu/persistence';
import { campaignWorkflowId } from '@mutu/workflows';

const root = join(__dirname, '..', '..');
const EXAMPLE = join(root, 'docs/examples/pendampingan-budaya-mutu.csv');
// Its own task queue: no worker polls it, so a started campaign waits and is only observed.
const TASK_QUEUE = `campaign-import-test-${Date.now().toString(36)}`;
const dir = mkdtempSync(join(tmpdir(), 'mutu-import-'));

const mutu = (args: string[]) =>
  spawnSync(process.execPath, ['-r', join(root, 'scripts/register-ts.js'), join(root, 'apps/cli/src/main.ts'), ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, TEMPORAL_TASK_QUEUE: TASK_QUEUE, LOG_LEVEL: 'silent' },
  });

const toCsv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';

/** The example with the 5 errors; rows below are spreadsheet rows (header = 1). */
function withSeededErrors(rows: string[][]): string[][] {
  const copy = rows.map((r) => [...r]);
  const col = (name: string) => copy[0].indexOf(name);
  const at = (row: number, name: string, value: string) => (copy[row - 1][col(name)] = value);
  at(17, 'school', '29999999'); // K02 impact2: no such school
  at(40, 'school', '20110009'); // K04 impact1: K03's core school
  at(70, 'date', '2027-12-06'); // K06 meeting 4: after 30 November
  at(116, 'date', '31/09/2027'); // K10 meeting 2: not a date
  copy.splice(135 - 1, 1); // K12's core school row is gone; its first row is now its impact1 (row 135)
  return copy;
}

describe('campaign import (PostgreSQL, Temporal dev server, the CLI)', () => {
  let ds: DataSource;
  let connection: Connection;
  let client: Client;
  let organiser: Actor;
  let exampleRows: string[][];
  const started: string[] = [];

  beforeAll(async () => {
    ds = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 2 });
    await ds.initialize();
    await migrate(ds);
    await seedDemoData(ds);
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    client = new Client({ connection });
    const [u] = await ds.query("SELECT user_id, roles, school_ids, region_ids FROM users WHERE email = 'lpmp@demo.mutu.id'");
    organiser = { userId: u.user_id, roles: u.roles, schoolIds: u.school_ids, regionIds: u.region_ids };
    exampleRows = await readSheet(readFileSync(EXAMPLE), 'example.csv');
    writeFileSync(join(dir, 'errors.csv'), toCsv(withSeededErrors(exampleRows)));
  });

  afterAll(async () => {
    for (const id of started) await client.workflow.getHandle(id).terminate('campaign import test done').catch(() => undefined);
    await connection?.close();
    await ds?.destroy();
  });

  const eventCount = async () => Number((await ds.query('SELECT count(*) AS n FROM events'))[0].n);

  it('reports exactly the 5 seeded errors with their rows and starts nothing', async () => {
    const before = await eventCount();
    const launched: CampaignSetup[] = [];
    const outcome = await importCampaign(
      { buffer: readFileSync(join(dir, 'errors.csv')), filename: 'errors.csv', actor: organiser, dryRun: false },
      { directory: new SqlCampaignDirectory(ds), launch: async (s) => (launched.push(s), { alreadyExists: false }) },
    );
    expect(outcome.ok ? [] : outcome.errors.map((e) => `${e.row} ${e.column} ${e.code}`)).toEqual([
      '17 school UNKNOWN_SCHOOL',
      '40 school DUPLICATE_SCHOOL',
      '70 date MEETING_OUTSIDE_PERIOD',
      '116 date BAD_DATE',
      '135 cluster MISSING_CORE_SCHOOL',
    ]);
    expect(launched).toEqual([]);
    expect(await eventCount()).toBe(before);
  });

  it('validates the corrected sheet, as .csv and as .xlsx, to the whole seed campaign under one campaign id', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pendampingan');
    const header = exampleRows[0];
    // Typed cells, as a spreadsheet app saves them: NPSNs and numbers as numbers, dates as dates.
    for (const row of exampleRows) {
      ws.addRow(row.map((c, j) => {
        if (row === header || c === '') return c;
        if (['school', 'number'].includes(header[j]) && /^\d+$/.test(c)) return Number(c);
        if (['date', 'start', 'end'].includes(header[j])) return new Date(`${c}T00:00:00Z`);
        return c;
      }));
    }
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const directory = new SqlCampaignDirectory(ds);
    const fromCsv = await validateCampaignSheet(exampleRows, directory, { actor: organiser });
    const fromXlsx = await validateCampaignSheet(await readSheet(xlsx, 'pendampingan.xlsx'), directory, { actor: organiser });
    if (!fromCsv.ok || !fromXlsx.ok) throw new Error(JSON.stringify(fromCsv.ok ? fromXlsx : fromCsv));
    expect(fromXlsx.setup).toEqual(fromCsv.setup);
    const { setup, summary } = fromCsv;
    expect(summary).toEqual({ clusters: 15, schools: 60, meetings: 60, teamMembers: 60 });
    expect(setup).toMatchObject({ regionId: 'reg-jaktim', organiser: 'LPMP DKI Jakarta', organiserIds: ['u-lpmp'], period: { start: '2027-09-01', end: '2027-11-30' } });
    expect(setup.materials).toHaveLength(7);
    expect(new Set(setup.clusters.flatMap((c) => c.schools.map((s) => s.schoolId))).size).toBe(60);
    for (const c of setup.clusters) {
      expect(c.schools.map((s) => s.position)).toEqual([0, 1, 2, 3]);
      expect(c.meetings.map((m) => m.number)).toEqual([1, 2, 3, 4]);
      expect(c.team.map((t) => t.role).sort()).toEqual(['agency_staff', 'principal', 'supervisor', 'trainer']);
    }
    expect(setup.clusters[0].schools[0]).toEqual({ schoolId: 'sch-sdn-cakung-barat-01', name: 'SD Negeri Cakung Barat 01', regionId: 'reg-jaktim', position: 0 });
  });

  it('`mutu import campaign` prints every error as "row N [column]: CODE message" and exits 1', async () => {
    const before = await eventCount();
    const run = mutu(['import', 'campaign', join(dir, 'errors.csv'), '--as', 'lpmp@demo.mutu.id']);
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('row '));
    expect(lines.map((l) => l.replace(/^(row \d+ \[\w+\]: [A-Z_]+) .*$/, '$1'))).toEqual([
      'row 17 [school]: UNKNOWN_SCHOOL',
      'row 40 [school]: DUPLICATE_SCHOOL',
      'row 70 [date]: MEETING_OUTSIDE_PERIOD',
      'row 116 [date]: BAD_DATE',
      'row 135 [cluster]: MISSING_CORE_SCHOOL',
    ]);
    expect(run.stdout).toMatch(/5 error\(s\); nothing was created/);
    expect(run.status).toBe(1);
    expect(await eventCount()).toBe(before);
  });

  it('`mutu import campaign --dry-run` checks the corrected sheet and creates nothing', async () => {
    const run = mutu(['import', 'campaign', EXAMPLE, '--as', 'lpmp@demo.mutu.id', '--dry-run']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/campaign cmp-[0-9a-f]{12}: 15 cluster\(s\), 60 school\(s\), 60 meeting\(s\), 60 team assignment\(s\)/);
    expect(run.stdout).toMatch(/dry run: the sheet is valid; nothing was created/);
    expect(run.status).toBe(0);
    const campaignId = /campaign (cmp-[0-9a-f]{12})/.exec(run.stdout)![1];
    await expect(client.workflow.getHandle(campaignWorkflowId(campaignId)).describe()).rejects.toThrow(/not found/i);
  });

  it('refuses an unknown organiser and a principal (exit 1, nothing read)', () => {
    const unknown = mutu(['import', 'campaign', EXAMPLE, '--as', 'nobody@demo.mutu.id', '--dry-run']);
    expect(unknown.stderr).toMatch(/no active user with email nobody@demo.mutu.id/);
    expect(unknown.status).toBe(1);
    const principal = mutu(['import', 'campaign', EXAMPLE, '--as', 'kepsek@demo.mutu.id', '--dry-run']);
    expect(principal.stderr).toMatch(/Only an education office/);
    expect(principal.status).toBe(1);
  });

  it('imports the corrected sheet for real: the campaign workflow starts once; importing again creates nothing', async () => {
    const first = mutu(['import', 'campaign', EXAMPLE, '--as', 'lpmp@demo.mutu.id']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/created: the campaign workflow has started/);
    expect(first.status).toBe(0);
    const campaignId = /campaign (cmp-[0-9a-f]{12})/.exec(first.stdout)![1];
    const workflowId = campaignWorkflowId(campaignId);
    started.push(workflowId);
    const description = await client.workflow.getHandle(workflowId).describe();
    expect(description.type).toBe('mentoringCampaignWorkflow');
    expect(description.taskQueue).toBe(TASK_QUEUE);

    const second = mutu(['import', 'campaign', EXAMPLE, '--as', 'lpmp@demo.mutu.id']);
    expect(second.stdout).toMatch(/already imported: nothing new was created/);
    expect(second.status).toBe(0);
    // Still the one run the first import started.
    expect((await client.workflow.getHandle(workflowId).describe()).runId).toBe(description.runId);
  });
});
