import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  log,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { MeetingScheduleItem } from '@mutu/calendar';
import {
  CLUSTER_COMMAND_TYPES,
  ClusterCommandSchema,
  clusterStreamId,
  decideCluster,
  evolveCluster,
  initialClusterState,
  isCluster,
  rtlProgramCommand,
  CAMPAIGN_ACTOR,
  type ClusterCommand,
  type OpenCluster,
} from '@mutu/domain';
import { programWorkflow } from '../program/program.workflow';
import { programWorkflowId } from '../program/program.messages';
import type { CampaignActivities } from './campaign.activities';
import type { CommandEnvelope } from '../program/program.activities';
import { clusterCommandUpdate, clusterProgressQuery, clusterStateQuery, type ClusterProgress, type ClusterWorkflowInput } from './campaign.messages';
import { createStreamWriter, invalidCommand } from './stream-writer';

const { appendEvents, computeMeetingSchedule } = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', nonRetryableErrorTypes: ['STREAM_VERSION_CONFLICT', 'COMMAND_ID_REUSED'] },
});

/** Items older than this when first seen are skipped, not sent late (as for programs). */
const CATCH_UP_MS = 2 * 86_400_000;

function progressOf(s: OpenCluster): ClusterProgress {
  return {
    status: s.status,
    meetings: s.meetings.length,
    meetingsDocumented: s.meetings.filter((m) => m.status === 'documented').length,
    schools: s.schools.length,
    rtlApproved: s.rtls.filter((r) => r.status === 'approved').length,
    rtlProgramsOpened: s.rtls.filter((r) => r.programId !== null).length,
  };
}

/** The system command of a schedule item; its id names the meeting's date, so a reschedule starts afresh. */
function commandFor(item: MeetingScheduleItem, streamId: string, now: string): ClusterCommand {
  const base = { actor: CAMPAIGN_ACTOR, now };
  const id = `${streamId}:m${item.number}`;
  if (item.kind === 'reminder') {
    return { ...base, commandId: `${id}:${item.date}:r${item.offsetWorkingDays}`, type: 'RecordMeetingReminder', payload: { number: item.number, date: item.date, offsetWorkingDays: item.offsetWorkingDays } };
  }
  if (item.kind === 'overdue') return { ...base, commandId: `${id}:${item.dueDate}:o`, type: 'RecordMeetingOverdue', payload: { number: item.number, dueDate: item.dueDate } };
  return { ...base, commandId: `${id}:${item.dueDate}:e${item.level}`, type: 'RecordMeetingEscalation', payload: { number: item.number, level: item.level, to: item.to, dueDate: item.dueDate } };
}

/**
 * One mentoring cluster: opens it, reminds the team before each meeting and escalates missing
 * documentation, takes the team's documentation and the schools' RTLs as Updates, and opens each
 * approved RTL as a regular program of its school (a child programWorkflow that outlives this one).
 */
export async function mentoringClusterWorkflow(input: ClusterWorkflowInput & { indexPrograms?: boolean }): Promise<ClusterProgress> {
  const { campaignId, cluster } = input;
  const streamId = clusterStreamId(campaignId, cluster.clusterId);
  const writer = createStreamWriter({
    streamId,
    initial: initialClusterState(),
    decide: decideCluster,
    evolve: evolveCluster,
    append: appendEvents,
    ready: isCluster,
    parse: (raw) => {
      const parsed = ClusterCommandSchema.safeParse(raw);
      if (!parsed.success) invalidCommand(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return parsed.data;
    },
  });
  const cl = (): OpenCluster => {
    const s = writer.state();
    if (!isCluster(s)) throw ApplicationFailure.nonRetryable('cluster not open');
    return s;
  };
  let invalidated = true;
  const handle = async (raw: unknown, envelope?: CommandEnvelope) => {
    const outcome = await writer.handle(raw, envelope);
    // Documentation and reschedules move or end reminders; RTL approvals open programs.
    if (outcome.events.some((e) => e.type !== 'MeetingReminderIssued' && e.type !== 'MeetingOverdue' && e.type !== 'MeetingEscalated')) invalidated = true;
    return outcome;
  };
  const nowIso = () => new Date().toISOString();
  // Queued before the Update handlers exist: an Update delivered with the start (or buffered) is
  // handled after the opening, in arrival order behind it.
  const opened = handle({
    commandId: `cluster-open:${campaignId}:${cluster.clusterId}`,
    type: 'OpenCluster',
    actor: CAMPAIGN_ACTOR,
    now: nowIso(),
    payload: { campaignId, campaignTitle: input.campaignTitle, regionId: input.regionId, organiserIds: input.organiserIds, timeZone: input.timeZone, period: input.period, materials: input.materials, cluster },
  });

  for (const type of CLUSTER_COMMAND_TYPES) {
    setHandler(clusterCommandUpdate(type), handle as never, { validator: writer.validate as never });
  }
  setHandler(clusterStateQuery, () => ({ state: writer.state(), version: writer.version() }));
  setHandler(clusterProgressQuery, () => progressOf(cl()));
  await opened;

  let items: MeetingScheduleItem[] = [];
  let watermark = nowIso();
  const done = () => cl().status === 'completed' && cl().rtls.every((r) => r.programId !== null);

  while (!done()) {
    if (invalidated) {
      invalidated = false;
      const s = cl();
      items = await computeMeetingSchedule({
        campaignId,
        clusterId: s.clusterId,
        timeZone: s.timeZone,
        schoolId: s.schools.find((sc) => sc.position === 0)!.schoolId,
        regionId: s.regionId,
        meetings: s.meetings.map((m) => ({ number: m.number, plannedDate: m.plannedDate, documented: m.status === 'documented' })),
      });
      await openApprovedPrograms();
      continue;
    }
    const now = nowIso();
    const from = Math.max(Date.parse(watermark), Date.parse(now) - CATCH_UP_MS);
    for (const item of items) {
      const at = Date.parse(item.at);
      if (at <= from || at > Date.parse(now)) continue;
      try {
        await handle(commandFor(item, streamId, now));
      } catch (e) {
        if (!(e instanceof ApplicationFailure)) throw e;
        // Refused (documented meanwhile, already recorded): nothing to send for this item.
        log.info('meeting item not recorded', { number: item.number, kind: item.kind, reason: e.type ?? e.message });
      }
    }
    watermark = now;
    const next = items.find((i) => Date.parse(i.at) > Date.parse(watermark));
    const wake = () => invalidated || done();
    if (next === undefined) await condition(wake);
    else await condition(wake, Math.max(1, Date.parse(next.at) - new Date().getTime()));
  }
  await condition(allHandlersFinished);
  return progressOf(cl());

  async function openApprovedPrograms(): Promise<void> {
    for (const rtl of cl().rtls) {
      if (rtl.status !== 'approved' || rtl.programId !== null) continue;
      const create = rtlProgramCommand(cl(), rtl.schoolId, nowIso());
      const programId = create.payload.programId;
      try {
        await startChild(programWorkflow, {
          workflowId: programWorkflowId(programId),
          args: [{ programId, create, indexStage: input.indexPrograms !== false }],
          // The school's follow-up program runs its own year, long after the mentoring ends.
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
      } catch (e) {
        // Started before (a retried run): the program exists, which is all that is needed.
        if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      }
      await handle({ commandId: `${streamId}:rtl-program:${rtl.schoolId}`, type: 'RecordRtlProgramOpened', actor: CAMPAIGN_ACTOR, now: nowIso(), payload: { schoolId: rtl.schoolId, programId } });
    }
  }
}
