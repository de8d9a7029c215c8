import { given } from '../testing/specification';
import {
  REPORT_SHA,
  actors,
  command,
  completeReport,
  createProgram,
  makeActor,
  plannedActivity,
  programAt,
  runCommands,
  sha,
  validPlan,
} from '../testing/fixtures';
import type { RunResult } from '../testing/fixtures';
import type { EvidenceKind } from './program.schemas';
import type { Program } from './program.state';

const submitDocs = () => command('CompleteDocumentation', actors.qaTeam, {});
const docsSubmitted = () => runCommands([submitDocs()], programAt('document'));
const edited = () => runCommands([command('EditReport', actors.qaTeam, { sections: completeReport })], programAt('report'));
const submitted = () => runCommands([command('SubmitReport', actors.principal, { reportSha256: REPORT_SHA })], edited());
const sign = (actor = actors.committee1, decision: 'approve' | 'reject' = 'approve', extra: { reason?: string; reportSha256?: string } = {}) =>
  command('SignReport', actor, { decision, reportSha256: REPORT_SHA, ...extra });
const signedOff = () => runCommands([sign(actors.committee1), sign(actors.committee2)], submitted());

function errorDetails(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return (e as { details?: unknown }).details;
  }
  throw new Error('expected a refusal');
}

/** One activity of `kind` and `amount`, executed, with evidence of the given kinds. */
function documentWith(activity: ReturnType<typeof plannedActivity>, kinds: EvidenceKind[]): RunResult {
  return runCommands([
    createProgram({ plan: validPlan(1, { activities: [activity] }) }),
    command('SubmitPlan', actors.principal, {}),
    command('DecidePlan', actors.supervisor, { decision: 'approve' }),
    command('AssignActivity', actors.principal, { activityId: activity.id, personInCharge: actors.staff.userId, participants: [] }),
    command('ConfirmAssignments', actors.principal, {}),
    command('StartActivity', actors.staff, { activityId: activity.id }),
    ...kinds.map((kind, i) =>
      command('AttachEvidence', actors.staff, { activityId: activity.id, sha256: sha(500 + i), kind, filename: `${kind}-${i}.pdf`, size: 1, mimeType: 'application/pdf' }),
    ),
    command('CompleteActivity', actors.staff, {
      activityId: activity.id,
      actualStart: activity.window.start,
      actualEnd: activity.window.end,
      realisedCost: activity.budget.amount,
      outcome: 'Selesai',
    }),
  ]);
}

describe('CompleteDocumentation', () => {
  it('the QA team submits complete documentation', () => {
    const cmd = submitDocs();
    given(programAt('document').state).when(cmd).then([
      { type: 'DocumentationSubmitted', v: 1, data: { by: actors.qaTeam.userId, role: 'qa_team', at: cmd.now } },
    ]);
  });

  it('refuses while a done activity lacks a required kind, listing what is missing', () => {
    const a = plannedActivity(1, { kind: 'teacher_training', requiredEvidence: ['attendance_list', 'photo', 'evaluation'] });
    const r = documentWith(a, ['attendance_list']);
    expect((r.state as Program).stage).toBe('document');
    given(r.state).when(submitDocs()).thenThrows('MISSING_EVIDENCE', 422);
    expect(errorDetails(() => runCommands([submitDocs()], r))).toEqual({
      missing: [
        { activityId: 'act-1', kind: 'photo', required: 1, present: 0 },
        { activityId: 'act-1', kind: 'evaluation', required: 1, present: 0 },
      ],
    });
  });

  it('procurement from Rp 50 million needs two supplier quotes, above Rp 200 million three', () => {
    const mid = plannedActivity(1, { kind: 'facilities_procurement', requiredEvidence: ['purchase_order'], budget: { line: 'Sarana', amount: 60_000_000 } });
    given(documentWith(mid, ['purchase_order', 'supplier_quote']).state).when(submitDocs()).thenThrows('MISSING_EVIDENCE', 422);
    given(documentWith(mid, ['purchase_order', 'supplier_quote', 'supplier_quote']).state).when(submitDocs()).thenEmits(['DocumentationSubmitted']);
    const big = { ...mid, budget: { line: 'Sarana', amount: 250_000_000 } };
    given(documentWith(big, ['purchase_order', 'supplier_quote', 'supplier_quote']).state).when(submitDocs()).thenThrows('MISSING_EVIDENCE', 422);
  });

  it('dropped activities need no evidence', () => {
    const r = runCommands(
      [command('DropActivity', actors.principal, { activityId: 'act-2', reason: 'Batal' })],
      programAt('assign'),
    );
    const ready = runCommands(
      [
        command('AssignActivity', actors.principal, { activityId: 'act-1', personInCharge: actors.staff.userId, participants: [] }),
        command('ConfirmAssignments', actors.principal, {}),
        command('CompleteActivity', actors.principal, { activityId: 'act-1', actualStart: '2025-02-03', actualEnd: '2025-02-03', realisedCost: 0, outcome: 'ok' }),
      ],
      r,
    );
    // act-1 has no evidence at all: still refused, and act-2 (dropped) is not listed.
    const details = errorDetails(() => runCommands([submitDocs()], ready)) as { missing: { activityId: string }[] };
    expect(new Set(details.missing.map((m) => m.activityId))).toEqual(new Set(['act-1']));
  });

  it('the principal cannot complete the documentation (QA team verifies)', () => {
    given(programAt('document').state).when(command('CompleteDocumentation', actors.principal, {})).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('cannot submit twice or in another stage', () => {
    given(docsSubmitted().state).when(submitDocs()).thenThrows('ALREADY_SUBMITTED', 409);
    given(programAt('execute').state).when(submitDocs()).thenThrows('WRONG_STAGE', 409);
  });
});

describe('DecideDocumentation', () => {
  it('a supervisor approves: the stage advances to report', () => {
    const cmd = command('DecideDocumentation', actors.supervisor, { decision: 'approve' });
    given(docsSubmitted().state).when(cmd).then([
      { type: 'DocumentationApproved', v: 1, data: { by: actors.supervisor.userId, role: 'supervisor', at: cmd.now } },
      { type: 'StageAdvanced', v: 1, data: { from: 'document', to: 'report', at: cmd.now } },
    ]);
  });

  it('a rejection with a reason returns the documentation to editing', () => {
    const state = given(docsSubmitted().state)
      .when(command('DecideDocumentation', actors.supervisor, { decision: 'reject', reason: 'Foto tidak jelas' }))
      .thenState() as Program;
    expect(state.stage).toBe('document');
    expect(state.submissions.documentation).toBeNull();
    given(state)
      .when(command('AttachEvidence', actors.qaTeam, { activityId: 'act-1', sha256: sha(4242), kind: 'photo', filename: 'a.jpg', size: 1, mimeType: 'image/jpeg' }))
      .thenEmits(['EvidenceAttached']);
  });

  it('a rejection needs a reason', () => {
    given(docsSubmitted().state).when(command('DecideDocumentation', actors.supervisor, { decision: 'reject' })).thenThrows('REASON_REQUIRED', 422);
  });

  it('the QA team cannot approve its own documentation', () => {
    given(docsSubmitted().state).when(command('DecideDocumentation', actors.qaTeam, { decision: 'approve' })).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('a supervisor who also submitted the documentation cannot approve it (four-eyes)', () => {
    const both = makeActor('u-qa-sup', ['qa_team', 'supervisor']);
    const r = runCommands([command('CompleteDocumentation', both, {})], programAt('document'));
    given(r.state).when(command('DecideDocumentation', both, { decision: 'approve' })).thenThrows('FOUR_EYES', 403);
  });

  it('cannot decide before submission', () => {
    given(programAt('document').state).when(command('DecideDocumentation', actors.supervisor, { decision: 'approve' })).thenThrows('NOT_SUBMITTED', 409);
  });

  it('out of scope answers 404', () => {
    given(docsSubmitted().state).when(command('DecideDocumentation', actors.outsider, { decision: 'approve' })).thenThrows('OUT_OF_SCOPE', 404);
  });
});

describe('EditReport', () => {
  it('the QA team writes the report sections', () => {
    const cmd = command('EditReport', actors.qaTeam, { sections: completeReport });
    given(programAt('report').state).when(cmd).then([
      { type: 'ReportEdited', v: 1, data: { sections: completeReport, by: actors.qaTeam.userId, role: 'qa_team', at: cmd.now } },
    ]);
  });

  it('staff cannot edit the report', () => {
    given(programAt('report').state).when(command('EditReport', actors.staff, { sections: completeReport })).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('cannot edit before the report stage', () => {
    given(programAt('document').state).when(command('EditReport', actors.qaTeam, { sections: completeReport })).thenThrows('WRONG_STAGE', 409);
  });

  it('cannot edit a submitted report', () => {
    given(submitted().state).when(command('EditReport', actors.qaTeam, { sections: completeReport })).thenThrows('ALREADY_SUBMITTED', 409);
  });
});

describe('SubmitReport', () => {
  it('the principal submits a complete report with its hash', () => {
    const cmd = command('SubmitReport', actors.principal, { reportSha256: REPORT_SHA });
    given(edited().state).when(cmd).then([
      { type: 'ReportSubmitted', v: 1, data: { reportSha256: REPORT_SHA, by: actors.principal.userId, role: 'principal', at: cmd.now } },
    ]);
  });

  it('refuses a report with empty sections, naming them', () => {
    const partial = runCommands(
      [command('EditReport', actors.qaTeam, { sections: { ...completeReport, conclusions: ' ', recommendations: '' } })],
      programAt('report'),
    );
    given(partial.state).when(command('SubmitReport', actors.principal, { reportSha256: REPORT_SHA })).thenThrows('REPORT_INCOMPLETE', 422);
    expect(errorDetails(() => runCommands([command('SubmitReport', actors.principal, { reportSha256: REPORT_SHA })], partial))).toEqual({
      emptySections: ['conclusions', 'recommendations'],
    });
  });

  it('the QA team cannot submit the report', () => {
    given(edited().state).when(command('SubmitReport', actors.qaTeam, { reportSha256: REPORT_SHA })).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('cannot submit twice', () => {
    given(submitted().state).when(command('SubmitReport', actors.principal, { reportSha256: REPORT_SHA })).thenThrows('ALREADY_SUBMITTED', 409);
  });
});

describe('SignReport', () => {
  it('a committee member signs; the quorum is not reached with one approval', () => {
    const cmd = sign(actors.committee1);
    given(submitted().state).when(cmd).then([
      {
        type: 'ReportSigned',
        v: 1,
        data: { decision: 'approve', reason: null, reportSha256: REPORT_SHA, by: actors.committee1.userId, role: 'committee', at: cmd.now },
      },
    ]);
  });

  it('the approval reaching the quorum also signs the report off', () => {
    const r = runCommands([sign(actors.committee1)], submitted());
    const cmd = sign(actors.committee2);
    const events = given(r.state).when(cmd).thenEmits(['ReportSigned', 'ReportSignedOff']);
    expect(events[1]!.data).toEqual({ reportSha256: REPORT_SHA, signedBy: [actors.committee1.userId, actors.committee2.userId], at: cmd.now });
  });

  it('each member signs once per submission', () => {
    const r = runCommands([sign(actors.committee1)], submitted());
    given(r.state).when(sign(actors.committee1)).thenThrows('ALREADY_SIGNED', 409);
  });

  it('refuses a signature on a different version of the report', () => {
    given(submitted().state).when(sign(actors.committee1, 'approve', { reportSha256: sha(1) })).thenThrows('REPORT_CHANGED', 409);
  });

  it('the author of the report cannot sign it (four-eyes)', () => {
    const author = makeActor('u-qa-committee', ['qa_team', 'committee']);
    const r = runCommands(
      [command('EditReport', author, { sections: completeReport }), command('SubmitReport', actors.principal, { reportSha256: REPORT_SHA })],
      programAt('report'),
    );
    given(r.state).when(sign(author)).thenThrows('FOUR_EYES', 403);
  });

  it('a rejection needs a reason, returns the report to editing and clears signatures on resubmission', () => {
    const r = runCommands([sign(actors.committee1)], submitted());
    given(r.state).when(sign(actors.committee2, 'reject')).thenThrows('REASON_REQUIRED', 422);
    const rejected = runCommands([sign(actors.committee2, 'reject', { reason: 'Kesimpulan kurang' })], r);
    const state = rejected.state as Program;
    expect(state.report.sha256).toBeNull();
    expect(state.report.signatures).toHaveLength(2);
    const newSha = sha(0xcafe);
    const again = runCommands(
      [
        command('EditReport', actors.qaTeam, { sections: { ...completeReport, conclusions: 'Kesimpulan lengkap' } }),
        command('SubmitReport', actors.principal, { reportSha256: newSha }),
      ],
      rejected,
    );
    expect((again.state as Program).report.signatures).toEqual([]);
    given(again.state).when(sign(actors.committee1, 'approve', { reportSha256: newSha })).thenEmits(['ReportSigned']);
  });

  it('a supervisor cannot sign for the committee', () => {
    given(submitted().state).when(sign(actors.supervisor)).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('cannot sign before submission or after sign-off', () => {
    given(edited().state).when(sign(actors.committee1)).thenThrows('NOT_SUBMITTED', 409);
    given(signedOff().state).when(sign(actors.committee3)).thenThrows('ALREADY_DECIDED', 409);
  });

  it('a committee member of another school is out of scope', () => {
    given(submitted().state).when(sign(actors.outsider)).thenThrows('OUT_OF_SCOPE', 404);
  });
});

describe('CloseProgram', () => {
  it('the principal closes a signed-off program', () => {
    const cmd = command('CloseProgram', actors.principal, {});
    given(signedOff().state).when(cmd).then([
      { type: 'ProgramClosed', v: 1, data: { by: actors.principal.userId, role: 'principal', at: cmd.now } },
      { type: 'StageAdvanced', v: 1, data: { from: 'report', to: 'closed', at: cmd.now } },
    ]);
  });

  it('cannot close before the quorum signed off', () => {
    const r = runCommands([sign(actors.committee1)], submitted());
    given(r.state).when(command('CloseProgram', actors.principal, {})).thenThrows('REPORT_NOT_SIGNED_OFF', 409);
  });

  it('the QA team cannot close', () => {
    given(signedOff().state).when(command('CloseProgram', actors.qaTeam, {})).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('cannot close in the execute stage', () => {
    given(programAt('execute').state).when(command('CloseProgram', actors.principal, {})).thenThrows('WRONG_STAGE', 409);
  });
});
