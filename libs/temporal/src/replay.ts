// Replays recorded workflow histories against workflow code, without a server: the one replay path
// of `mutu audit replay` (programs' runs or history files) and the audit benchmark. Kept out of
// the package index (imported as `@mutu/temporal/replay`) so the API never loads the worker SDK.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker, type CompiledWorkerOptions, type Logger } from '@temporalio/worker';
import { globalHandlers } from '@temporalio/worker/lib/workflow/vm-shared';
import type { WorkflowCreator } from '@temporalio/worker/lib/workflow/interface';
import type { WorkflowBundleWithSourceMapAndFilename } from '@temporalio/worker/lib/workflow/workflow-worker-thread/input';
import { workflowCodeOptions, type WorkflowCodeOptions } from './bundler-options';

type History = temporal.api.history.v1.IHistory;

export interface HistoryToReplay {
  /** What a failure is reported under: a file name, or a program and run. */
  name: string;
  workflowId: string;
  history: History;
}

export interface ReplayOutcome {
  name: string;
  workflowId: string;
  runId: string;
  /** Set when the code does not reproduce the history (non-determinism) or a workflow task failed. */
  error?: Error;
}

/**
 * Stops the SDK's promise hook, which captures a stack trace for every promise workflow code
 * creates. It serves only the `__stack_trace` query, never sent to a replay. The hook belongs to
 * the isolate, so this is for replay processes only (a real worker runs workflows in threads of
 * their own, which this does not reach).
 */
function stopPromiseStackTraces(): void {
  const handlers = globalHandlers as unknown as { promiseHookInstalled: boolean; stopPromiseHook?: () => void };
  if (!handlers.promiseHookInstalled || typeof handlers.stopPromiseHook !== 'function') return;
  handlers.stopPromiseHook();
  handlers.promiseHookInstalled = false;
}

/**
 * The SDK's replay worker without two costs a replay does not need, which `node --cpu-prof`
 * showed taking most of a replay's time: a watchdog thread started for every call into the
 * workflow sandbox (the isolate execution timeout, already 2^32 ms, i.e. none, on a replay
 * worker) and the per-promise stack traces above. Workflow code still runs in the SDK's sandbox
 * (one V8 context reused across histories), and the SDK's core still judges determinism.
 */
class ReplayWorker extends Worker {
  protected static override async createWorkflowCreator(
    bundle: WorkflowBundleWithSourceMapAndFilename,
    compiledOptions: CompiledWorkerOptions,
    logger: Logger,
  ): Promise<WorkflowCreator> {
    const noTimeout = { ...compiledOptions, isolateExecutionTimeoutMs: undefined as unknown as number };
    const creator = await super.createWorkflowCreator(bundle, noTimeout, logger);
    stopPromiseStackTraces();
    return creator;
  }
}

/**
 * Replays each history in turn through one replay worker and yields its outcome, in order, under
 * the history's name. A history that does not replay is an outcome with an error, not a throw.
 */
export async function* replayHistories(
  histories: Iterable<HistoryToReplay> | AsyncIterable<HistoryToReplay>,
  opts: { code?: WorkflowCodeOptions; replayName?: string } = {},
): AsyncGenerator<ReplayOutcome> {
  // The SDK takes one history, replays it and yields its result before it takes the next one,
  // so the names queue up in the same order.
  const pending: HistoryToReplay[] = [];
  async function* feed() {
    for await (const h of histories) {
      pending.push(h);
      yield { workflowId: h.workflowId, history: h.history };
    }
  }
  const options = { ...(opts.code ?? workflowCodeOptions()), reuseV8Context: true, replayName: opts.replayName ?? 'mutu-replay' };
  for await (const r of ReplayWorker.runReplayHistories(options, feed())) {
    const h = pending.shift();
    yield { name: h?.name ?? r.workflowId, workflowId: r.workflowId, runId: r.runId, error: r.error };
  }
}

/** One line naming the history that failed and why (the first line of the SDK's message). */
export function describeReplayFailure(o: ReplayOutcome): string {
  return `${o.name} (workflow ${o.workflowId}, run ${o.runId}): ${(o.error?.message ?? 'replayed').split('\n')[0]}`;
}

/** The `.json` history files under `dir` and its subdirectories (legacy/), sorted by path. */
export function historyFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...historyFiles(path));
    else if (entry.endsWith('.json')) out.push(path);
  }
  return out;
}

/**
 * A history file as `npm run record-histories` writes it: `{ workflowId, history }`, the history
 * in protobufjs's object form. Named by its path relative to `root`.
 */
export function readHistoryFile(path: string, root: string): HistoryToReplay {
  const body = JSON.parse(readFileSync(path, 'utf8')) as { workflowId?: unknown; history?: { events?: unknown[] } };
  if (typeof body.workflowId !== 'string' || !Array.isArray(body.history?.events)) {
    throw new Error(`${path} is not a recorded history ({ workflowId, history: { events } })`);
  }
  return { name: relative(root, path), workflowId: body.workflowId, history: temporal.api.history.v1.History.fromObject(body.history) };
}
