import { evolve, initialProgramState, pendingDecisions, TERMINAL_STAGES, upcast, type ProgramState } from '@mutu/domain';
import type { EntityManager } from 'typeorm';
import type { Projector, StoredEvent } from '../event-store/event-store.types';
import { setBounded } from '../bounded-map';
import { announceAfterCommit, writeInTransaction, writeWithAppend } from '../event-store/append-transaction';
import { PROGRAMS_CHANGED_CHANNEL } from '../migrations/1760000000800-programs-changed-notify';
import { PROGRAMS_ANNOUNCED_SETTING } from '../migrations/1760000001610-programs-announced-after-commit';
import { DASHBOARD_PROGRAM_SQL } from './dashboard.sql';
import { readProgramState } from './program-state';

export const PROGRAM_STREAM_PREFIX = 'program-';

/** SQL: the earliest open deadline of the program whose id is the expression `programId`. */
export const nextDueDateOf = (programId: string) => `(SELECT min(due_date) FROM deadlines WHERE program_id = ${programId})`;

/**
 * SQL: whether the `programs` row `alias` is past its next due date, by the calendar of the
 * program's own time zone (overdue from the first day after the due date).
 */
export const overdueOf = (alias: string) =>
  `(${alias}.next_due_date IS NOT NULL AND ${alias}.next_due_date < (now() AT TIME ZONE ${alias}.time_zone)::date)`;

export function programStreamId(programId: string): string {
  return `${PROGRAM_STREAM_PREFIX}${programId}`;
}

/** Folds stored events into the program state with the domain's own evolve. */
export function foldStored(events: readonly StoredEvent[], from: ProgramState = initialProgramState()): ProgramState {
  let state = from;
  for (const e of events) state = evolve(state, upcast({ type: e.type, v: e.v, data: e.data }));
  return state;
}

type ActiveState = Extract<ProgramState, { programId: string }>;

/** Programs whose folded state a projector keeps by default (the worker's default workflow cache). */
const DEFAULT_MAX_FOLDED = 1_000;

/** What the program projector folded in a transaction: the last program it wrote there. */
const foldedInTransaction = new WeakMap<object, { programId: string; version: number; hash: string; state: ProgramState }>();

/**
 * The state the program projector wrote to `programs.state` in this transaction for `programId`,
 * folded up to `event` (the last event of the append): what a later projector of the same append
 * would read back from the row, without the round trip and the decoding of the row. Undefined when
 * the program projector has not written that program at that event in `tx`.
 */
export function programStateInTransaction(tx: EntityManager, programId: string, event: StoredEvent): ProgramState | undefined {
  const known = foldedInTransaction.get(tx);
  return known && known.programId === programId && known.version === event.version && known.hash === event.hash ? known.state : undefined;
}

function progressOf(state: ActiveState): number {
  const order = ['plan', 'assign', 'execute', 'document', 'report', 'closed'];
  const idx = order.indexOf(state.stage);
  if (state.stage === 'cancelled') return 0;
  const activities = state.plan.activities;
  const settled = activities.filter((a) => a.status === 'done' || a.status === 'dropped').length;
  const within = state.stage === 'execute' && activities.length > 0 ? settled / activities.length : 0;
  return Math.min(1, (idx + within) / (order.length - 1));
}

/** The waiting tasks' statements, their parameters from `$first` (with $1 program, $2 school, $3 region). */
const tasksParts = (first: number) => {
  const [ids, kinds, stages, roles, users, activities, since] = Array.from({ length: 7 }, (_, i) => `$${first + i}`);
  return [
    ['done', `DELETE FROM tasks WHERE program_id = $1 AND task_id <> ALL(${ids}::text[])`],
    [
      'waiting',
      // A task still waiting as it was is left alone: no new row version, no index entries, no WAL.
      `INSERT INTO tasks (task_id, program_id, kind, stage, role, user_id, school_id, region_id, activity_id, since)
       SELECT t.task_id, $1, t.kind, t.stage, t.role, t.user_id, $2, $3, t.activity_id, t.since
         FROM unnest(${ids}::text[], ${kinds}::text[], ${stages}::text[], ${roles}::text[], ${users}::text[], ${activities}::text[], ${since}::timestamptz[])
              AS t(task_id, kind, stage, role, user_id, activity_id, since)
       ON CONFLICT (task_id) DO UPDATE SET kind = EXCLUDED.kind, stage = EXCLUDED.stage, role = EXCLUDED.role, user_id = EXCLUDED.user_id,
         school_id = EXCLUDED.school_id, region_id = EXCLUDED.region_id, activity_id = EXCLUDED.activity_id, since = EXCLUDED.since
       WHERE (tasks.kind, tasks.stage, tasks.role, tasks.user_id, tasks.school_id, tasks.region_id, tasks.activity_id, tasks.since)
             IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.stage, EXCLUDED.role, EXCLUDED.user_id, EXCLUDED.school_id, EXCLUDED.region_id, EXCLUDED.activity_id, EXCLUDED.since)`,
    ],
  ] as const;
};

/** The dashboard row, copied from the program row as written (`program`), with the sign-off `signedOff`. */
const dashboardPart = (signedOff: string) =>
  [
    'dashboard',
    `INSERT INTO dashboard_programs ${DASHBOARD_PROGRAM_SQL('p.program_id', 'TRUE', 'program', `${signedOff}::timestamptz`)}
     ON CONFLICT (program_id) DO UPDATE SET title = EXCLUDED.title, stage = EXCLUDED.stage,
       signed_off_at = EXCLUDED.signed_off_at, updated_at = EXCLUDED.updated_at`,
  ] as const;

/**
 * The program projector's write with the state, as parts of one statement ($1 program, $2 school,
 * $3 region, $4 budget year, $5 title, $6 stage, $7 version, $8 state, $9 progress, $10 updated,
 * $11 created, $12 time zone, $13 terminal stage, $14 signed off, $15-$21 the waiting tasks' columns).
 * The state written is the fold up to the version written: `state_version` is that version.
 */
const WITH_STATE = [
  [
    'program',
    // The transaction announces the change itself, after its commit (announceAfterCommit): the
    // setting tells the table's trigger so, without a statement of its own.
    `INSERT INTO programs (program_id, school_id, region_id, budget_year, title, stage, version, state, state_version, progress, created_at, updated_at, time_zone, next_due_date)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8::json, $7, $9, $11, $10, $12, CASE WHEN $13::boolean THEN NULL ELSE ${nextDueDateOf('$1')} END
       FROM (SELECT set_config('${PROGRAMS_ANNOUNCED_SETTING}', 'after-commit', true)) AS announced_after_commit
     ON CONFLICT (program_id) DO UPDATE SET title = EXCLUDED.title, stage = EXCLUDED.stage, version = EXCLUDED.version,
       state = EXCLUDED.state, state_version = EXCLUDED.state_version, progress = EXCLUDED.progress, updated_at = EXCLUDED.updated_at,
       time_zone = EXCLUDED.time_zone, next_due_date = EXCLUDED.next_due_date
     RETURNING program_id, school_id, region_id, budget_year, title, stage, updated_at`,
  ],
  dashboardPart('$14'),
  ...tasksParts(15),
] as const;

/**
 * The write without the state, on a row that exists: its state stays the fold up to its
 * `state_version` ($1 program, $2 school, $3 region, $4 title, $5 stage, $6 version, $7 progress,
 * $8 updated, $9 time zone, $10 terminal stage, $11 signed off, $12-$18 the waiting tasks' columns).
 */
const WITHOUT_STATE = [
  [
    'program',
    `UPDATE programs SET school_id = $2, region_id = $3, title = $4, stage = $5, version = $6, progress = $7, updated_at = $8,
       time_zone = $9, next_due_date = CASE WHEN $10::boolean THEN NULL ELSE ${nextDueDateOf('$1')} END
       FROM (SELECT set_config('${PROGRAMS_ANNOUNCED_SETTING}', 'after-commit', true)) AS announced_after_commit
      WHERE programs.program_id = $1
     RETURNING programs.program_id, programs.school_id, programs.region_id, programs.budget_year, programs.title, programs.stage, programs.updated_at`,
  ],
  dashboardPart('$11'),
  ...tasksParts(12),
] as const;

/**
 * The writes when the program's waiting tasks are the ones its last write left: the program and
 * dashboard rows only.
 */
const tasksKeptOf = (parts: typeof WITH_STATE | typeof WITHOUT_STATE) => parts.filter(([name]) => name === 'program' || name === 'dashboard');
const WITH_STATE_TASKS_KEPT = tasksKeptOf(WITH_STATE);
const WITHOUT_STATE_TASKS_KEPT = tasksKeptOf(WITHOUT_STATE);

/**
 * Events a stored state may lag behind the stream: past this many, the append writes the state.
 * A reader folds at most this many events less one onto the state it reads.
 */
export const STATE_WRITTEN_EVERY = 16;

/** The program's evidence files, activity and hash of each. */
const evidenceFiles = (state: ProgramState) =>
  'programId' in state ? state.plan.activities.flatMap((a) => a.evidence.map((e) => ({ activityId: a.id, ...e }))) : [];
const keyOf = (f: { activityId: string; sha256: string }) => `${f.activityId}/${f.sha256}`;
/** The keys of the program's evidence files (activity/hash). */
const evidenceKeysOf = (state: ProgramState) => evidenceFiles(state).map(keyOf);

/** The program's evidence files as `program_evidence` holds them: key, activity, hash, name, type. */
function evidenceOf(state: ProgramState): string[][] {
  const files = evidenceFiles(state);
  return [
    files.map(keyOf),
    files.map((f) => f.activityId),
    files.map((f) => f.sha256),
    files.map((f) => f.filename),
    files.map((f) => f.mimeType),
  ];
}

/**
 * The program's evidence files ($1 program, $2 their keys, $3-$6 their columns): the ones it no
 * longer holds dropped, the others written (a file already there is left alone).
 */
const EVIDENCE_WRITE = `WITH gone AS (DELETE FROM program_evidence WHERE program_id = $1 AND activity_id || '/' || sha256 <> ALL($2::text[]))
  INSERT INTO program_evidence (program_id, activity_id, sha256, filename, mime_type)
  SELECT $1, t.activity_id, t.sha256, t.filename, t.mime_type
    FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS t(activity_id, sha256, filename, mime_type)
  ON CONFLICT (program_id, activity_id, sha256) DO NOTHING`;

interface Folded {
  version: number;
  hash: string;
  state: ProgramState;
  /** The version whose state the row holds (0: no row yet). */
  stateVersion: number;
  /** The waiting tasks as written with this state (their columns, as one string). */
  tasks?: string;
}

/**
 * `programs` (one row per program), `tasks` (what waits on whom), `dashboard_programs` (the
 * dashboard's copy of a program's stage and sign-off) and `program_evidence` (its evidence files by
 * hash) as folds of the events.
 */
export class ProgramProjector implements Projector {
  readonly name = 'programs';
  readonly tables = ['tasks', 'dashboard_programs', 'program_evidence', 'programs'] as const;

  /**
   * The state this projector last folded per program, with the version and hash of the event it
   * folded up to. An append chains from the stored event at its expected version, so when the
   * first new event's prev_hash is the remembered hash, the remembered state is the fold of exactly
   * the stored stream before it: no need to read the row back (a remembered state whose
   * transaction rolled back has a hash no stored event chains from).
   */
  private readonly folded = new Map<string, Folded>();
  private readonly maxFolded: number;

  /**
   * `maxFolded`: how many programs' states to remember. A worker serves its cached workflows'
   * programs again and again: it should remember at least as many (a smaller memo is read back from
   * the row on every append once more programs than it holds are active).
   */
  constructor(opts: { maxFolded?: number } = {}) {
    this.maxFolded = opts.maxFolded ?? DEFAULT_MAX_FOLDED;
  }

  async apply(tx: EntityManager, streamId: string, events: StoredEvent[]): Promise<void> {
    if (!streamId.startsWith(PROGRAM_STREAM_PREFIX)) return;
    const programId = streamId.slice(PROGRAM_STREAM_PREFIX.length);
    const before = await this.stateBefore(tx, programId, events[0]);
    const state = foldStored(events, before.state);
    const last = events[events.length - 1];
    // The state is written with the row's first append and every STATE_WRITTEN_EVERY events after
    // the state the row holds. Otherwise the row's other columns are written and its state stays
    // the fold up to its state_version: readers fold the events after it (program-state.ts).
    const withState = before.stateVersion === 0 || last.version - before.stateVersion >= STATE_WRITTEN_EVERY;
    const folded: Folded = { version: last.version, hash: last.hash, state, stateVersion: withState ? last.version : before.stateVersion };
    setBounded(this.folded, programId, folded, this.maxFolded);
    foldedInTransaction.set(tx, { programId, version: last.version, hash: last.hash, state });
    if (!('programId' in state)) return;
    const s = state as ActiveState;
    // created_at comes from the state: a rebuild projects a whole stream as one batch. The next due
    // date is read from the open deadlines (computed per stage, kept outside the events), so a
    // rebuild finds it as the live model has it; a closed or cancelled program has none.
    // One statement, one round trip: the program row, its dashboard row (copied from the row as
    // written, as the dashboard migration copies it), the tasks that no longer wait dropped, the
    // waiting ones written (ids are stable per pending decision, so they are upserted).
    const pending = pendingDecisions(s);
    const task = <K extends keyof (typeof pending)[number]>(key: K) => pending.map((p) => p[key] ?? null);
    const tasks = [
      pending.map((p, i) => `${programId}:${p.kind}:${p.activityId ?? '-'}:${p.userId ?? p.role}:${i}`),
      task('kind'),
      task('stage'),
      task('role'),
      task('userId'),
      task('activityId'),
      task('since'),
    ];
    // Most commands change no one's waiting task (a report edit, evidence, an expenditure): when the
    // remembered state's write left these very tasks, the tasks statements are not sent at all.
    folded.tasks = JSON.stringify([s.schoolId, s.regionId, tasks]);
    const tasksKept = before.tasks === folded.tasks;
    const terminal = TERMINAL_STAGES.includes(s.stage);
    // Nothing here needs the answer: the append sends it with its INSERT, a rebuild awaits it.
    await writeWithAppend(
      tx,
      withState
        ? {
            parts: tasksKept ? WITH_STATE_TASKS_KEPT : WITH_STATE,
            values: [
              programId,
              s.schoolId,
              s.regionId,
              s.budgetYear,
              s.title,
              s.stage,
              last.version,
              JSON.stringify(s),
              progressOf(s),
              last.occurredAt,
              s.createdAt,
              s.timeZone,
              terminal,
              s.report.signedOffAt,
              ...(tasksKept ? [] : tasks),
            ],
          }
        : {
            parts: tasksKept ? WITHOUT_STATE_TASKS_KEPT : WITHOUT_STATE,
            values: [
              programId,
              s.schoolId,
              s.regionId,
              s.title,
              s.stage,
              last.version,
              progressOf(s),
              last.occurredAt,
              s.timeZone,
              terminal,
              s.report.signedOffAt,
              ...(tasksKept ? [] : tasks),
            ],
          },
    );
    // The evidence index, when this append changed the program's evidence.
    if (evidenceKeysOf(s).join() !== evidenceKeysOf(before.state).join()) await writeInTransaction(tx, EVIDENCE_WRITE, [programId, ...evidenceOf(s)]);
    await announceAfterCommit(tx, PROGRAMS_CHANGED_CHANNEL);
  }

  /**
   * The state before `first` and the version whose state the row holds, with the tasks its write
   * left when it is the remembered one.
   */
  private async stateBefore(tx: EntityManager, programId: string, first: StoredEvent): Promise<{ state: ProgramState; stateVersion: number; tasks?: string }> {
    // Before a stream's first event there is nothing to read.
    if (first.version === 1) return { state: initialProgramState(), stateVersion: 0 };
    const known = this.folded.get(programId);
    if (known && known.version === first.version - 1 && known.hash === first.prevHash) return known;
    const row = await readProgramState(tx, programId);
    return row ? { state: row.state, stateVersion: row.state_version } : { state: initialProgramState(), stateVersion: 0 };
  }
}
