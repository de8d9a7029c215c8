// Records the history of one school's statutory reporting year on the time-skipping server: the
// stage I report reminded, missed, escalated and then submitted late; the annual report submitted
// before its first reminder, which ends the workflow. Ids are fixed. Run with
// `npm run record-histories` (re-records only `school-reporting-*` files; see docs/versioning.md).
import type { Actor, SchoolReportingCommand } from '@mutu/domain';
import { recordSubmissionUpdate, schoolReportingWorkflow, schoolReportingWorkflowId } from '@mutu/workflows';
import { startProgramHarness, type ProgramHarness } from '../workflow/program-harness';
import { signedArgs } from '../support/command-signing';
import { removeHistories, writeHistory } from './history-files';

const isSchoolReportingHistory = (name: string): boolean => name.startsWith('school-reporting-');
const YEAR = 2027;
const SCHOOL = 'rec-sch-statutory';

describe('record school reporting histories', () => {
  let h: ProgramHarness;

  beforeAll(async () => {
    h = await startProgramHarness();
    removeHistories(isSchoolReportingHistory);
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('records a year with a late stage I report and an early annual report', async () => {
    const workflowId = schoolReportingWorkflowId(SCHOOL, YEAR);
    const at = async (date: string, time = '10:00') => {
      const target = Date.parse(`${date}T${time}:00+07:00`);
      const now = await h.env.currentTimeMs();
      if (target > now) await h.env.sleep(target - now);
      return new Date(Math.max(target, now)).toISOString();
    };
    const principal: Actor = { userId: 'rec-kepsek', roles: ['principal'], schoolIds: [SCHOOL], regionIds: [] };
    const evidence = { sha256: 'a'.repeat(64), filename: 'arkas.xlsx', size: 100, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    await h.withWorker(async () => {
      await at(`${YEAR}-07-01`);
      const handle = await h.client.workflow.start(schoolReportingWorkflow, {
        taskQueue: h.taskQueue,
        workflowId,
        args: [{ schoolId: SCHOOL, regionId: 'rec-reg', budgetYear: YEAR, timeZone: 'Asia/Jakarta', dueDates: { stage_one: `${YEAR}-07-31`, annual: `${YEAR + 1}-01-31` } }],
      });
      const submit = async (report: 'stage_one' | 'annual', now: string, submittedOn: string) => {
        const command: SchoolReportingCommand = { commandId: `rec-statutory:${report}`, type: 'RecordReportSubmission', actor: principal, now, payload: { report, submittedOn, evidence } };
        await handle.executeUpdate(recordSubmissionUpdate, { args: signedArgs(command as never) as never, updateId: command.commandId });
      };
      // Past the due date and the first two escalations (supervisor after 3 working days is level 2).
      await submit('stage_one', await at(`${YEAR}-08-06`), `${YEAR}-08-06`);
      await submit('annual', await at(`${YEAR}-12-20`), `${YEAR}-12-20`);
      await handle.result();
      writeHistory('school-reporting-year.run-1', workflowId, (await handle.fetchHistory()) as never);
    });
  });
});
