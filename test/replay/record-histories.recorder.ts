// Records the histories replayed by histories.replay.test.ts: representative programs (happy path,
// reject loops, cancel, continue-as-new) run on the time-skipping server (or the dev server at
// TEMPORAL_ADDRESS with RECORD_ON_DEV_SERVER=1), every run of each written as JSON.
// Run: `npm run record-histories` (jest with test/replay/jest.recorder.config.js: same aliases,
// same provisioning as the test suite). Re-record whenever the workflow changes on purpose.
import type { ProgramCommand } from '@mutu/domain';
import { programStreamId } from '@mutu/persistence';
import { actors, command, completeReport, happyPath, REPORT_SHA, sha } from '@mutu/domain/testing';
import { scoped, sendAll, startProgram, startProgramHarness, type ProgramHarness } from '../workflow/program-harness';
import { isCampaignHistory, isLegacyHistory, removeHistories, writeHistory } from './history-files';

interface Scenario {
  name: string;
  commands: ProgramCommand[];
  maxHistoryEvents?: number;
}

function scenarios(): Scenario[] {
  const path = happyPath(2);
  const all = [...path.plan, ...path.assign, ...path.execute, ...path.document, ...path.report] as ProgramCommand[];
  const revised = sha(0xcafe);
  return [
    { name: 'happy-path', commands: all },
    {
      name: 'plan-rejected-twice',
      commands: [
        path.plan[0],
        command('SubmitPlan', actors.principal, {}),
        command('DecidePlan', actors.supervisor, { decision: 'reject', reason: 'Indikator belum terukur' }),
        command('SubmitPlan', actors.principal, {}),
        command('DecidePlan', actors.supervisor, { decision: 'reject', reason: 'Anggaran belum sesuai' }),
        command('SubmitPlan', actors.principal, {}),
        command('DecidePlan', actors.supervisor, { decision: 'approve' }),
        ...path.assign,
      ],
    },
    {
      name: 'review-loops',
      commands: [
        ...path.plan,
        ...path.assign,
        ...path.execute,
        command('CompleteDocumentation', actors.qaTeam, {}),
        command('DecideDocumentation', actors.supervisor, { decision: 'reject', reason: 'Foto tidak terbaca' }),
        command('CompleteDocumentation', actors.qaTeam, {}),
        command('DecideDocumentation', actors.supervisor, { decision: 'approve' }),
        command('EditReport', actors.qaTeam, { sections: completeReport }),
        command('SubmitReport', actors.principal, { reportSha256: REPORT_SHA }),
        command('SignReport', actors.committee1, { decision: 'reject', reportSha256: REPORT_SHA, reason: 'Rincian biaya kurang' }),
        command('EditReport', actors.qaTeam, { sections: { ...completeReport, conclusions: 'Direvisi' } }),
        command('SubmitReport', actors.principal, { reportSha256: revised }),
        command('SignReport', actors.committee1, { decision: 'approve', reportSha256: revised }),
        command('SignReport', actors.committee2, { decision: 'approve', reportSha256: revised }),
        command('CloseProgram', actors.principal, {}),
      ],
    },
    {
      name: 'cancel-mid-execution',
      commands: [
        ...path.plan,
        ...path.assign,
        command('StartActivity', actors.staff, { activityId: 'act-1' }),
        command('RequestCancellation', actors.principal, { reason: 'Dana tidak cair' }),
        command('ConfirmCancellation', actors.supervisor, {}),
      ],
    },
    // A small history budget makes the run continue as new inside a stage, not only at boundaries.
    { name: 'continue-as-new', commands: all, maxHistoryEvents: 60 },
  ];
}

describe('record program histories', () => {
  let h: ProgramHarness;

  beforeAll(async () => {
    h = await startProgramHarness({ devServer: process.env.RECORD_ON_DEV_SERVER === '1' });
    removeHistories((name) => !isCampaignHistory(name) && !isLegacyHistory(name));
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it.each(scenarios().map((s) => [s.name, s] as const))('records %s', async (name, scenario) => {
    const programId = `replay-${name}-${Date.now().toString(36)}`;
    await h.withWorker(async () => {
      const handle = await startProgram(h, programId, { maxHistoryEvents: scenario.maxHistoryEvents });
      const firstRunId = (await handle.describe()).runId;
      await sendAll(handle, scenario.commands.map((c) => scoped(programId, c)));
      // Every run that appended events, in order, then the current one.
      const stored = await h.store.readStream(programStreamId(programId));
      const runIds = [...new Set([firstRunId, ...stored.map((e) => String(e.metadata.runId)), (await handle.describe()).runId])];
      for (const [i, runId] of runIds.entries()) {
        const history = await h.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
        writeHistory(`${name}.run-${i + 1}`, handle.workflowId, history);
      }
    });
  }, 300_000);
});
