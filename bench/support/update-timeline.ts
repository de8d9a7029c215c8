// Where an Update's milliseconds go, read from the server's own history timestamps: every step
// between the workflow task that accepted the Update and the UpdateCompleted event, named
// "previous event → event", with its median over the sampled Updates. Client-side latency minus
// the sum is the RPC and client share.
import { temporal } from '@temporalio/proto';
import type { Client } from '@temporalio/client';
import { percentile } from './bench-env';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const { EventType } = temporal.api.enums.v1;

const millis = (e: HistoryEvent): number => {
  const t = e.eventTime!;
  return Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
};

const label = (e: HistoryEvent): string =>
  (EventType[e.eventType!] ?? String(e.eventType)).replace(/^EVENT_TYPE_/, '').toLowerCase();

/** The events from the workflow task that took the named Update in, through its completion. */
function updateSpan(events: HistoryEvent[], updateName: string): HistoryEvent[] | undefined {
  const accepted = events.findIndex(
    (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED && e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === updateName,
  );
  if (accepted < 0) return undefined;
  const updateId = events[accepted].workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest!.meta!.updateId;
  const completed = events.findIndex(
    (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED && e.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId === updateId,
  );
  if (completed < 0) return undefined;
  let start = accepted;
  while (start > 0 && events[start].eventType !== EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED) start -= 1;
  return events.slice(start, completed + 1);
}

/** The history of the run that handled the Update: the latest run, or one it continued from. */
async function runHistory(client: Client, workflowId: string, updateName: string): Promise<HistoryEvent[] | undefined> {
  let runId: string | undefined;
  for (let hops = 0; hops < 3; hops++) {
    const events = (await client.workflow.getHandle(workflowId, runId).fetchHistory()).events ?? [];
    if (updateSpan(events, updateName)) return events;
    runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
    if (!runId) return undefined;
  }
  return undefined;
}

export interface TimelineStep {
  step: string;
  p50Ms: number;
  count: number;
}

/** Median duration of each step of one Update per workflow (its first of that name), in order. */
export async function updateTimeline(client: Client, workflowIds: string[], updateName: string): Promise<TimelineStep[]> {
  const steps = new Map<string, number[]>();
  for (const workflowId of workflowIds) {
    const events = await runHistory(client, workflowId, updateName);
    const span = events && updateSpan(events, updateName);
    if (!span) continue;
    span.slice(1).forEach((e, i) => {
      const step = `${label(span[i])} → ${label(e)}`;
      steps.set(step, [...(steps.get(step) ?? []), millis(e) - millis(span[i])]);
    });
    const total = 'total (task scheduled → update completed)';
    steps.set(total, [...(steps.get(total) ?? []), millis(span[span.length - 1]) - millis(span[0])]);
  }
  return [...steps].map(([step, values]) => ({ step, p50Ms: percentile(values, 50), count: values.length }));
}
