import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import type { RunArchive, RunHistory } from '@mutu/persistence';

export interface FetchedRun {
  workflowId: string;
  runId: string;
  startTime: Date;
  history: temporal.api.history.v1.IHistory;
}

const History = temporal.api.history.v1.History;

/**
 * Every run of the program's workflow (continue-as-new makes several), oldest first: the archived
 * ones from PostgreSQL (they outlive Temporal's retention), the rest from Temporal; a closed run
 * read from Temporal that is not archived yet is archived on the way.
 */
export async function fetchProgramRuns(client: Client, workflowId: string, archive?: RunArchive): Promise<FetchedRun[]> {
  const runs = new Map<string, FetchedRun>();
  for (const a of (await archive?.runsOf(workflowId)) ?? []) {
    runs.set(a.runId, { workflowId: a.workflowId, runId: a.runId, startTime: a.startTime, history: History.decode(a.history) });
  }
  for await (const info of client.workflow.list({ query: `WorkflowId = '${workflowId.replace(/'/g, "''")}'` })) {
    if (runs.has(info.runId)) continue;
    const history = await client.workflow.getHandle(info.workflowId, info.runId).fetchHistory();
    runs.set(info.runId, { workflowId: info.workflowId, runId: info.runId, startTime: info.startTime, history });
    if (archive && info.status.name !== 'RUNNING' && info.closeTime) {
      await archive.save({ workflowId: info.workflowId, runId: info.runId, workflowType: info.type, status: info.status.name, startTime: info.startTime, closeTime: info.closeTime, history: encodeHistory(history) });
    }
  }
  return [...runs.values()].sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
}

export function encodeHistory(history: temporal.api.history.v1.IHistory): Buffer {
  return Buffer.from(History.encode(History.fromObject(history)).finish());
}

/** How far back each sweep looks again before the last archived close time: visibility can lag. */
const SWEEP_OVERLAP_MS = 6 * 60 * 60 * 1000;

/**
 * Copies every run closed since the last sweep (completed, continued as new, failed, cancelled,
 * terminated, timed out) into the archive. Runs every checkpoint (hourly): far inside any
 * namespace retention, so no run is dropped by Temporal before it is archived.
 */
export async function archiveClosedRuns(client: Client, archive: RunArchive): Promise<{ seen: number; archived: number }> {
  const last = await archive.lastCloseTime();
  const since = last ? new Date(last.getTime() - SWEEP_OVERLAP_MS) : undefined;
  const query = `ExecutionStatus != 'Running'${since ? ` AND CloseTime > '${since.toISOString()}'` : ''}`;
  let seen = 0;
  let archived = 0;
  let page: { runId: string; info: WorkflowExecutionInfo }[] = [];
  const flush = async () => {
    const known = await archive.archived(page.map((p) => p.runId));
    for (const { runId, info } of page) {
      if (known.has(runId) || !info.closeTime) continue;
      const history = await client.workflow.getHandle(info.workflowId, runId).fetchHistory();
      if (await archive.save({ workflowId: info.workflowId, runId, workflowType: info.type, status: info.status.name, startTime: info.startTime, closeTime: info.closeTime, history: encodeHistory(history) })) archived++;
    }
    page = [];
  };
  for await (const info of client.workflow.list({ query })) {
    seen++;
    page.push({ runId: info.runId, info });
    if (page.length >= 100) await flush();
  }
  await flush();
  return { seen, archived };
}

/**
 * Temporal's own history JSON. When the installed protobufjs copies disagree (historyToJSON then
 * throws "type must be a Type"), the protobufjs object form is written instead: same fields,
 * int64 and bytes as strings, loadable with `History.fromObject`.
 */
export function historyJson(history: temporal.api.history.v1.IHistory): string {
  try {
    return historyToJSON(history as never);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    const H = temporal.api.history.v1.History;
    return JSON.stringify(H.toObject(H.fromObject(history), { longs: String, enums: String, bytes: String }), null, 2);
  }
}

export function toRunHistories(runs: FetchedRun[]): RunHistory[] {
  return runs.map((r) => ({ workflowId: r.workflowId, runId: r.runId, json: historyJson(r.history) }));
}
