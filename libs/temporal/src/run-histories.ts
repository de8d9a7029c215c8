import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import type { RunHistory } from '@mutu/persistence';

export interface FetchedRun {
  workflowId: string;
  runId: string;
  startTime: Date;
  history: temporal.api.history.v1.IHistory;
}

/** Every run of the program's workflow (continue-as-new makes several), oldest first. */
export async function fetchProgramRuns(client: Client, workflowId: string): Promise<FetchedRun[]> {
  const runs: FetchedRun[] = [];
  for await (const info of client.workflow.list({ query: `WorkflowId = '${workflowId.replace(/'/g, "''")}'` })) {
    const history = await client.workflow.getHandle(info.workflowId, info.runId).fetchHistory();
    runs.push({ workflowId: info.workflowId, runId: info.runId, startTime: info.startTime, history });
  }
  return runs.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
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
