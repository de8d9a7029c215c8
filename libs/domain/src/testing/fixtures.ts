// Test fixtures shared by domain, workflow and API tests: actors for every role, plans, command
// builders with a deterministic clock, and a runner that decides and folds a list of commands.
import type { Actor, Role } from '../actor';
import { type CommandOf, type CommandPayload, type ProgramCommand, type ProgramCommandType } from '../program/program.commands';
import { decide } from '../program/program.decider';
import type { ProgramEvent } from '../program/program.events';
import { evolve } from '../program/program.evolve';
import type { EvidenceKind, Plan, PlannedActivity, ReportSections, Stage } from '../program/program.schemas';
import { type Program, type ProgramState, initialProgramState } from '../program/program.state';

export const SCHOOL_ID = 'sch-1';
export const REGION_ID = 'reg-1';
export const PROGRAM_ID = 'prg-1';
export const BUDGET_YEAR = 2025;

export function makeActor(userId: string, roles: Role[], scope: Partial<Pick<Actor, 'schoolIds' | 'regionIds'>> = {}): Actor {
  return { userId, name: userId, roles, schoolIds: scope.schoolIds ?? [SCHOOL_ID], regionIds: scope.regionIds ?? [] };
}

/** One actor per role, scoped to school 'sch-1' (district officer by region 'reg-1'). */
export const actors = {
  principal: makeActor('u-principal', ['principal']),
  qaTeam: makeActor('u-qa', ['qa_team']),
  qaTeam2: makeActor('u-qa-2', ['qa_team']),
  staff: makeActor('u-staff-1', ['staff']),
  staff2: makeActor('u-staff-2', ['staff']),
  committee1: makeActor('u-committee-1', ['committee']),
  committee2: makeActor('u-committee-2', ['committee']),
  committee3: makeActor('u-committee-3', ['committee']),
  supervisor: makeActor('u-supervisor', ['supervisor'], { schoolIds: [], regionIds: [REGION_ID] }),
  supervisor2: makeActor('u-supervisor-2', ['supervisor'], { schoolIds: [SCHOOL_ID] }),
  districtOfficer: makeActor('u-district', ['district_officer'], { schoolIds: [], regionIds: [REGION_ID] }),
  auditor: makeActor('u-auditor', ['auditor'], { schoolIds: [], regionIds: [REGION_ID] }),
  admin: makeActor('u-admin', ['admin']),
  system: makeActor('system', ['system'], { schoolIds: [], regionIds: [] }),
  /** A principal of another school in another region. */
  outsider: makeActor('u-outsider', ['principal', 'supervisor', 'committee', 'qa_team'], {
    schoolIds: ['sch-9'],
    regionIds: ['reg-9'],
  }),
} satisfies Record<string, Actor>;

/** Deterministic instants: minute `n` after 2025-01-06T01:00Z (08:00 in Jakarta). */
export function instant(n: number): string {
  return new Date(Date.UTC(BUDGET_YEAR, 0, 6, 1, 0, 0) + n * 60_000).toISOString();
}

/** A distinct 64-hex sha256 for a small integer. */
export function sha(n: number): string {
  return n.toString(16).padStart(64, '0');
}

const ACTIVITY_KINDS: PlannedActivity['kind'][] = ['teacher_training', 'curriculum_development', 'mentoring_visit'];
const EVIDENCE_BY_KIND: Record<PlannedActivity['kind'], EvidenceKind[]> = {
  teacher_training: ['attendance_list', 'photo', 'evaluation'],
  curriculum_development: ['minutes', 'attendance_list'],
  facilities_procurement: ['purchase_order', 'handover_certificate', 'photo'],
  mentoring_visit: ['attendance_list', 'photo', 'follow_up_plan'],
  other: ['photo'],
};

export function plannedActivity(i: number, overrides: Partial<PlannedActivity> = {}): PlannedActivity {
  const kind = overrides.kind ?? ACTIVITY_KINDS[(i - 1) % ACTIVITY_KINDS.length]!;
  const month = String(((i - 1) % 10) + 2).padStart(2, '0');
  return {
    id: `act-${i}`,
    title: `Kegiatan ${i}`,
    kind,
    window: { start: `${BUDGET_YEAR}-${month}-03`, end: `${BUDGET_YEAR}-${month}-20` },
    budget: { line: 'Pengembangan Profesi Guru dan Tenaga Kependidikan', amount: 5_000_000 * i },
    location: 'Ruang guru SD Negeri 1',
    requiredEvidence: EVIDENCE_BY_KIND[kind],
    ...overrides,
  };
}

/** A complete plan (ready to submit) with `n` activities act-1..act-n. */
export function validPlan(n = 2, overrides: Partial<Plan> = {}): Plan {
  return {
    objectives: ['Meningkatkan kemampuan guru dalam pembelajaran berdiferensiasi'],
    standard: 'proses',
    indicators: ['80% guru menerapkan asesmen diagnostik'],
    activities: Array.from({ length: n }, (_, i) => plannedActivity(i + 1)),
    ...overrides,
  };
}

export function draftPlan(): Plan {
  return { objectives: [], standard: null, indicators: [], activities: [] };
}

export const completeReport: ReportSections = {
  background: 'Latar belakang',
  objectives: 'Tujuan',
  targets: 'Sasaran',
  expectedResults: 'Hasil yang diharapkan',
  placeAndTime: 'Tempat dan waktu',
  activitiesNarrative: 'Uraian kegiatan',
  problemsAndSolutions: 'Masalah dan solusi',
  conclusions: 'Kesimpulan',
  recommendations: 'Rekomendasi',
};
export const REPORT_SHA = sha(0xbeef);

let commandCounter = 0;
let clockTick = 0;

/** Builds a command; `now` defaults to a clock that advances one minute per command. */
export function command<T extends ProgramCommandType>(
  type: T,
  actor: Actor,
  payload: CommandPayload<T>,
  opts: { now?: string; commandId?: string } = {},
): CommandOf<T> {
  commandCounter += 1;
  clockTick += 1;
  return {
    commandId: opts.commandId ?? `cmd-${commandCounter}`,
    type,
    actor,
    now: opts.now ?? instant(clockTick),
    payload,
  } as unknown as CommandOf<T>;
}

export function createProgram(
  overrides: Partial<CommandPayload<'CreateProgram'>> = {},
  actor: Actor = actors.principal,
): CommandOf<'CreateProgram'> {
  return command('CreateProgram', actor, {
    programId: PROGRAM_ID,
    schoolId: SCHOOL_ID,
    regionId: REGION_ID,
    budgetYear: BUDGET_YEAR,
    title: 'Peningkatan mutu pembelajaran 2025',
    plan: validPlan(2),
    ...overrides,
  });
}

export interface RunResult {
  state: ProgramState;
  events: ProgramEvent[];
}

/** Decides and folds each command in turn; throws the first refusal. */
export function runCommands(commands: readonly ProgramCommand[], from: RunResult = { state: initialProgramState(), events: [] }): RunResult {
  let { state } = from;
  const events = [...from.events];
  for (const c of commands) {
    const produced = decide(c, state);
    state = produced.reduce(evolve, state);
    events.push(...produced);
  }
  return { state, events };
}

/** Evidence commands covering every required kind of an activity's plan entry. */
export function evidenceFor(activity: PlannedActivity, actor: Actor = actors.staff, seed = 0): CommandOf<'AttachEvidence'>[] {
  return activity.requiredEvidence.map((kind, k) =>
    command('AttachEvidence', actor, {
      activityId: activity.id,
      sha256: sha(seed * 100 + k + 1),
      kind,
      filename: `${activity.id}-${kind}.pdf`,
      size: 1024,
      mimeType: 'application/pdf',
    }),
  );
}

/**
 * The commands of a full happy path, grouped by the stage they finish, with `n` activities all
 * assigned to `actors.staff`. Concatenate the groups to reach a stage.
 */
export function happyPath(n = 2) {
  const plan = validPlan(n);
  return {
    plan: [createProgram({ plan }), command('SubmitPlan', actors.principal, {}), command('DecidePlan', actors.supervisor, { decision: 'approve' })],
    assign: [
      ...plan.activities.map((a) =>
        command('AssignActivity', actors.principal, { activityId: a.id, personInCharge: actors.staff.userId, participants: [actors.staff2.userId] }),
      ),
      command('ConfirmAssignments', actors.principal, {}),
    ],
    execute: plan.activities.flatMap((a, i) => [
      command('StartActivity', actors.staff, { activityId: a.id }),
      ...evidenceFor(a, actors.staff, i + 1),
      command('CompleteActivity', actors.staff, {
        activityId: a.id,
        actualStart: a.window.start,
        actualEnd: a.window.end,
        realisedCost: a.budget.amount,
        outcome: 'Terlaksana sesuai rencana',
      }),
    ]),
    document: [command('CompleteDocumentation', actors.qaTeam, {}), command('DecideDocumentation', actors.supervisor, { decision: 'approve' })],
    report: [
      command('EditReport', actors.qaTeam, { sections: completeReport }),
      command('SubmitReport', actors.principal, { reportSha256: REPORT_SHA }),
      command('SignReport', actors.committee1, { decision: 'approve', reportSha256: REPORT_SHA }),
      command('SignReport', actors.committee2, { decision: 'approve', reportSha256: REPORT_SHA }),
      command('CloseProgram', actors.principal, {}),
    ],
  };
}

const STAGE_ORDER: Stage[] = ['plan', 'assign', 'execute', 'document', 'report', 'closed'];

/** A program that has just entered `stage` through the happy path (n activities). */
export function programAt(stage: Exclude<Stage, 'cancelled'>, n = 2): RunResult & { state: Program } {
  const groups = happyPath(n);
  const order = ['plan', 'assign', 'execute', 'document', 'report'] as const;
  const upTo = STAGE_ORDER.indexOf(stage);
  const commands: ProgramCommand[] =
    stage === 'plan' ? [groups.plan[0]] : order.slice(0, upTo).flatMap((g) => groups[g] as ProgramCommand[]);
  const result = runCommands(commands);
  return result as RunResult & { state: Program };
}

/** One well-formed command of every type, issued by its usual actor (for sweeps and fuzzing). */
export function sampleCommands(activityId = 'act-1'): { [K in ProgramCommandType]: CommandOf<K> } {
  return {
    CreateProgram: createProgram(),
    EditPlan: command('EditPlan', actors.qaTeam, { plan: validPlan(2) }),
    SubmitPlan: command('SubmitPlan', actors.principal, {}),
    DecidePlan: command('DecidePlan', actors.supervisor, { decision: 'approve' }),
    AssignActivity: command('AssignActivity', actors.principal, { activityId, personInCharge: actors.staff.userId, participants: [] }),
    ConfirmAssignments: command('ConfirmAssignments', actors.principal, {}),
    StartActivity: command('StartActivity', actors.staff, { activityId }),
    CompleteActivity: command('CompleteActivity', actors.staff, {
      activityId,
      actualStart: `${BUDGET_YEAR}-02-03`,
      actualEnd: `${BUDGET_YEAR}-02-04`,
      realisedCost: 1_000_000,
      outcome: 'Terlaksana',
    }),
    DropActivity: command('DropActivity', actors.principal, { activityId, reason: 'Tidak jadi' }),
    AttachEvidence: command('AttachEvidence', actors.staff, {
      activityId,
      sha256: sha(9001),
      kind: 'photo',
      filename: 'foto.jpg',
      size: 100,
      mimeType: 'image/jpeg',
    }),
    WithdrawEvidence: command('WithdrawEvidence', actors.staff, { activityId, sha256: sha(9001), reason: 'Salah' }),
    CompleteDocumentation: command('CompleteDocumentation', actors.qaTeam, {}),
    DecideDocumentation: command('DecideDocumentation', actors.supervisor, { decision: 'approve' }),
    EditReport: command('EditReport', actors.qaTeam, { sections: completeReport }),
    SubmitReport: command('SubmitReport', actors.principal, { reportSha256: REPORT_SHA }),
    SignReport: command('SignReport', actors.committee1, { decision: 'approve', reportSha256: REPORT_SHA }),
    CloseProgram: command('CloseProgram', actors.principal, {}),
    RequestCancellation: command('RequestCancellation', actors.principal, { reason: 'Dana tidak cair' }),
    ConfirmCancellation: command('ConfirmCancellation', actors.supervisor, {}),
    RejectCancellation: command('RejectCancellation', actors.supervisor, { reason: 'Lanjutkan' }),
    ExtendDeadline: command('ExtendDeadline', actors.supervisor, { stage: 'report', newDueDate: `${BUDGET_YEAR + 1}-02-15`, reason: 'Banjir' }),
    RecordReminder: command('RecordReminder', actors.system, {
      stage: 'plan',
      kind: 'due_soon',
      dueDate: `${BUDGET_YEAR}-02-01`,
      recipientRole: 'principal',
      offsetWorkingDays: -3,
    }),
    RecordDeadlineMissed: command('RecordDeadlineMissed', actors.system, { stage: 'plan', kind: 'due', dueDate: `${BUDGET_YEAR}-02-01` }),
    RecordEscalation: command('RecordEscalation', actors.system, { stage: 'plan', level: 1, toRole: 'supervisor' }),
    RecordExpenditure: command('RecordExpenditure', actors.staff, {
      activityId,
      expenditureId: 'exp-1',
      date: `${BUDGET_YEAR}-02-03`,
      amount: 1_000_000,
      payee: 'Toko Buku Sinar',
      evidenceSha256: sha(9002),
    }),
    WithdrawExpenditure: command('WithdrawExpenditure', actors.staff, { activityId, expenditureId: 'exp-1', reason: 'Salah catat' }),
    AcknowledgeOverspend: command('AcknowledgeOverspend', actors.supervisor, { activityId }),
  };
}
