import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { canonicalJson, foldStored, type EventStore, type RunArchive, type StoredEvent } from '@mutu/persistence';
import { fetchProgramRuns, type FetchedRun, type WorkflowCodeOptions } from '@mutu/temporal';
import { replayHistories, type HistoryToReplay } from '@mutu/temporal/replay';
import type { ProgramCarry, ProgramWorkflowInput } from '@mutu/workflows';

export interface ProgramReplay {
  programId: string;
  runs: number;
  historyEvents: number;
  /** Runs whose history the current code cannot reproduce. */
  nondeterminism: { runId: string; message: string }[];
  /** Carried states that differ from the fold of the stored events at the same version. */
  divergence: { runId: string; version: number; message: string }[];
  ok: boolean;
}

type History = temporal.api.history.v1.IHistory;

/** Programs whose runs are fetched from Temporal at the same time. */
const FETCH_CONCURRENCY = 8;

function decode<T>(p: { payloads?: unknown[] | null } | null | undefined): T | undefined {
  const first = p?.payloads?.[0];
  return first ? defaultPayloadConverter.fromPayload<T>(first as never) : undefined;
}

/** The states a run's history itself records: the carry it started from and the one it ended with. */
export function carriedStates(history: History): ProgramCarry[] {
  const events = history.events ?? [];
  const out: ProgramCarry[] = [];
  const start = decode<ProgramWorkflowInput>(events[0]?.workflowExecutionStartedEventAttributes?.input);
  if (start?.carry) out.push(start.carry);
  const last = events[events.length - 1];
  const completed = decode<ProgramCarry>(last?.workflowExecutionCompletedEventAttributes?.result);
  if (completed) out.push(completed);
  const next = decode<ProgramWorkflowInput>(last?.workflowExecutionContinuedAsNewEventAttributes?.input);
  if (next?.carry) out.push(next.carry);
  return out;
}

function divergenceOf(run: FetchedRun, events: StoredEvent[]): ProgramReplay['divergence'] {
  const out: ProgramReplay['divergence'] = [];
  for (const carry of carriedStates(run.history)) {
    const folded = foldStored(events.filter((e) => e.version <= carry.version));
    if (canonicalJson(JSON.parse(JSON.stringify(folded))) !== canonicalJson(carry.state)) {
      out.push({ runId: run.runId, version: carry.version, message: `the workflow carried a state at version ${carry.version} that differs from the fold of the stored events` });
    }
  }
  return out;
}

/**
 * Replays every run of each program against the given workflow code (no server involved in the
 * replay itself) and cross-checks the states the histories carry with the event store.
 */
export async function replayPrograms(
  deps: { client: Client; store: EventStore; archive?: RunArchive },
  programIds: string[],
  opts: {
    code?: WorkflowCodeOptions;
    onProgram?: (r: ProgramReplay) => void;
    /** Programs whose histories are fetched, then runs replayed, so far. */
    onProgress?: (phase: 'fetch' | 'replay', done: number, total: number) => void;
  } = {},
): Promise<ProgramReplay[]> {
  // Fetched several at a time: each program costs a visibility query and a history read, which
  // mostly wait on the server. The map keeps the programs' order.
  const fetched = new Map<string, FetchedRun[]>(programIds.map((id) => [id, []]));
  let nextProgram = 0;
  let fetchedCount = 0;
  await Promise.all(
    Array.from({ length: Math.min(FETCH_CONCURRENCY, programIds.length) }, async () => {
      while (nextProgram < programIds.length) {
        const id = programIds[nextProgram++];
        fetched.set(id, await fetchProgramRuns(deps.client, `program-${id}`, deps.archive));
        opts.onProgress?.('fetch', ++fetchedCount, programIds.length);
      }
    }),
  );
  // Named by program id: each history's outcome comes back under the name it went in with.
  const all: HistoryToReplay[] = [...fetched].flatMap(([id, runs]) => runs.map((r) => ({ name: id, workflowId: r.workflowId, history: r.history })));
  const failures = new Map<string, { runId: string; message: string }[]>();
  if (all.length > 0) {
    let replayed = 0;
    for await (const r of replayHistories(all, { code: opts.code, replayName: 'mutu-audit-replay' })) {
      opts.onProgress?.('replay', ++replayed, all.length);
      if (!r.error) continue;
      const list = failures.get(r.name) ?? [];
      list.push({ runId: r.runId, message: r.error.message });
      failures.set(r.name, list);
    }
  }
  const out: ProgramReplay[] = [];
  for (const [id, runs] of fetched) {
    const events = await deps.store.readStream(`program-${id}`);
    const nondeterminism = failures.get(id) ?? [];
    const divergence = runs.flatMap((r) => divergenceOf(r, events));
    const result: ProgramReplay = {
      programId: id,
      runs: runs.length,
      historyEvents: runs.reduce((n, r) => n + (r.history.events?.length ?? 0), 0),
      nondeterminism,
      divergence,
      ok: nondeterminism.length === 0 && divergence.length === 0 && runs.length > 0,
    };
    opts.onProgram?.(result);
    out.push(result);
  }
  return out;
}
