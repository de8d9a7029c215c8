// Records a program template started at three schools in batches of two: the parent's history
// (the signed start recorded, two batch children) and the first batch's (two child programs
// started). Ids are fixed. Run with `npm run record-histories` (re-records only `template-*` files).
import { DEFAULT_APPROVAL_POLICY, type Actor, type StartProgramTemplatePayload } from '@mutu/domain';
import { programTemplateWorkflow, programTemplateWorkflowId, templateBatchWorkflowId } from '@mutu/workflows';
import { startProgramHarness, type ProgramHarness } from '../workflow/program-harness';
import { envCommandSigner } from '../support/command-signing';
import { templateStartInput } from '../../apps/api/src/program-templates/start-template.usecase';
import { removeHistories, writeHistory } from './history-files';

const isTemplateHistory = (name: string): boolean => name.startsWith('template-');
const TEMPLATE = 'rec-template';

describe('record program template histories', () => {
  let h: ProgramHarness;

  beforeAll(async () => {
    h = await startProgramHarness();
    removeHistories(isTemplateHistory);
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('records a template started at three schools in two batches', async () => {
    const office: Actor = { userId: 'rec-dinas', roles: ['district_officer'], schoolIds: [], regionIds: ['rec-reg'] };
    const payload: StartProgramTemplatePayload = {
      template: {
        templateId: TEMPLATE, title: 'Gerakan literasi sekolah', budgetYear: 2027,
        plan: { objectives: ['Literasi kelas awal'], standard: 'proses', indicators: ['80% siswa membaca lancar'], activities: [
          { id: 'a1', title: 'Pelatihan guru', kind: 'teacher_training', window: { start: '2027-03-02', end: '2027-03-20' }, budget: { line: 'Pengembangan Perpustakaan', amount: 4_000_000, component: 'perpustakaan' }, location: 'Sekolah', requiredEvidence: ['photo'] },
        ] },
      },
      schools: ['rec-sch-1', 'rec-sch-2', 'rec-sch-3'].map((schoolId) => ({ schoolId, name: schoolId, regionId: 'rec-reg', timeZone: 'Asia/Jakarta', policyKey: 'default' })),
      policies: { default: { policy: DEFAULT_APPROVAL_POLICY, ref: { scope: 'default', regionId: 'rec-reg', schoolId: null, version: 0 } } },
    };
    await h.withWorker(async () => {
      const input = { ...templateStartInput(envCommandSigner(), office, payload, '2027-01-05T03:00:00.000Z'), batchSize: 2, indexPrograms: false };
      const handle = await h.client.workflow.start(programTemplateWorkflow, { taskQueue: h.taskQueue, workflowId: programTemplateWorkflowId(TEMPLATE), args: [input] });
      expect(await handle.result()).toEqual({ started: 3, existing: 0 });
      writeHistory('template-parent.run-1', handle.workflowId, (await handle.fetchHistory()) as never);
      const batch = h.client.workflow.getHandle(templateBatchWorkflowId(TEMPLATE, 1));
      writeHistory('template-batch.run-1', batch.workflowId, (await batch.fetchHistory()) as never);
    });
  });
});
