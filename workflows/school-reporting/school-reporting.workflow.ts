// One school's statutory BOSP reports of one budget year: opens the year's stream, reminds the
// principal before the stage I report (31 July) and the annual report (31 January of the next
// year), records the missed deadline and escalates, and takes the principal's submission as an
// Update. Schedules come from an activity (holidays and days off are data); the loop ends when
// both reports are submitted.
import { allHandlersFinished, ApplicationFailure, condition, log, proxyActivities, setHandler } from '@temporalio/workflow';
import type { StatutoryScheduleItem } from '@mutu/calendar';
import {
  allReportsSubmitted,
  decideSchoolReporting,
  evolveSchoolReporting,
  initialSchoolReportingState,
  isSchoolReporting,
  SchoolReportingCommandSchema,
  schoolReportingStreamId,
  STATUTORY_REPORTS,
  type Actor,
  type SchoolReportingCommand,
} from '@mutu/domain';
import type { CommandEnvelope } from '../program/program.activities';
import { createStreamWriter, invalidCommand } from '../campaign/stream-writer';
import type { SchoolReportingActivities } from './school-reporting.activities';
import { recordSubmissionUpdate, schoolReportingStateQuery, type SchoolReportingOutcome, type SchoolReportingWorkflowInput } from './school-reporting.messages';

const { appendEvents, computeStatutorySchedule } = proxyActivities<SchoolReportingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', nonRetryableErrorTypes: ['STREAM_VERSION_CONFLICT', 'COMMAND_ID_REUSED'] },
});

const REPORTING_ACTOR: Actor = { userId: 'system', name: 'Mutu (pelaporan BOSP)', roles: ['system'], schoolIds: [], regionIds: [] };
/** Items older than this when first seen are skipped, not sent late (as for programs and clusters). */
const CATCH_UP_MS = 2 * 86_400_000;

function commandFor(item: StatutoryScheduleItem, streamId: string, now: string): SchoolReportingCommand {
  const base = { commandId: `${streamId}:${item.key}`, actor: REPORTING_ACTOR, now };
  const { report, dueDate } = item;
  if (item.kind === 'reminder') {
    return { ...base, type: 'RecordStatutoryReminder', payload: { report, dueDate, offsetWorkingDays: item.n, recipientRole: item.toRole } };
  }
  if (item.kind === 'missed') return { ...base, type: 'RecordStatutoryDeadlineMissed', payload: { report, dueDate } };
  return { ...base, type: 'RecordStatutoryEscalation', payload: { report, dueDate, level: item.n, toRole: item.toRole } };
}

export interface SchoolReportingStart extends SchoolReportingWorkflowInput {
  /** The statutory due dates, computed by the starter from the calendar (data, not workflow code). */
  dueDates: { stage_one: string; annual: string };
}

export async function schoolReportingWorkflow(input: SchoolReportingStart): Promise<{ submitted: string[] }> {
  const streamId = schoolReportingStreamId(input.schoolId, input.budgetYear);
  const writer = createStreamWriter({
    streamId,
    initial: initialSchoolReportingState(),
    decide: decideSchoolReporting,
    evolve: evolveSchoolReporting,
    append: appendEvents,
    ready: isSchoolReporting,
    parse: (raw) => {
      const parsed = SchoolReportingCommandSchema.safeParse(raw);
      if (!parsed.success) invalidCommand(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return parsed.data;
    },
  });
  let invalidated = true;
  const handle = async (raw: unknown, envelope?: CommandEnvelope): Promise<SchoolReportingOutcome> => {
    const outcome = await writer.handle(raw, envelope);
    // A submission ends what is pending for its report.
    if (outcome.events.some((e) => e.type === 'StatutoryReportSubmitted')) invalidated = true;
    return outcome;
  };
  const nowIso = () => new Date().toISOString();
  // Queued before the Update handler exists: a submission delivered with the start is handled after the opening.
  const opened = handle({
    commandId: `${streamId}:open`,
    type: 'OpenSchoolReporting',
    actor: REPORTING_ACTOR,
    now: nowIso(),
    payload: { schoolId: input.schoolId, regionId: input.regionId, budgetYear: input.budgetYear, timeZone: input.timeZone, dueDates: input.dueDates },
  });
  setHandler(recordSubmissionUpdate, handle as never, { validator: writer.validate as never });
  setHandler(schoolReportingStateQuery, () => ({ state: writer.state(), version: writer.version() }));
  await opened;

  let items: StatutoryScheduleItem[] = [];
  let watermark = nowIso();
  const done = () => allReportsSubmitted(writer.state());
  while (!done()) {
    const s = writer.state();
    if (invalidated && isSchoolReporting(s)) {
      invalidated = false;
      const reports = STATUTORY_REPORTS.filter((r) => s.reports[r].status === 'open');
      items = (await computeStatutorySchedule({ schoolId: s.schoolId, regionId: s.regionId, budgetYear: s.budgetYear, timeZone: s.timeZone, reports })).items;
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
        // Refused (submitted meanwhile, already recorded): nothing to send for this item.
        log.info('statutory item not recorded', { key: item.key, reason: e.type ?? e.message });
      }
    }
    watermark = now;
    const next = items.find((i) => Date.parse(i.at) > Date.parse(watermark));
    const wake = () => invalidated || done();
    if (next === undefined) await condition(wake);
    else await condition(wake, Math.max(1, Date.parse(next.at) - new Date().getTime()));
  }
  await condition(allHandlersFinished);
  return { submitted: [...STATUTORY_REPORTS] };
}
