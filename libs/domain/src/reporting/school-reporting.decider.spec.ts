import { deciderSpecification } from '../testing/decider-specification';
import type { Actor } from '../actor';
import { decideSchoolReporting, evolveSchoolReporting } from './school-reporting.decider';
import { initialSchoolReportingState, schoolReportingEvent, type SchoolReportingCommand, type SchoolReportingEvent, type SchoolReportingState } from './school-reporting.schemas';

const given = deciderSpecification<SchoolReportingCommand, SchoolReportingEvent, SchoolReportingState>({
  decide: decideSchoolReporting,
  evolve: evolveSchoolReporting,
  initialState: initialSchoolReportingState,
});

const system: Actor = { userId: 'system', roles: ['system'], schoolIds: [], regionIds: [] };
const principal: Actor = { userId: 'u-kepsek', roles: ['principal'], schoolIds: ['sch-1'], regionIds: [] };
const otherPrincipal: Actor = { ...principal, userId: 'u-kepsek-2', schoolIds: ['sch-2'] };
const staff: Actor = { userId: 'u-guru', roles: ['staff'], schoolIds: ['sch-1'], regionIds: [] };
const evidence = { sha256: 'a'.repeat(64), filename: 'arkas.xlsx', size: 10, mimeType: 'application/pdf' };
const opened = schoolReportingEvent('SchoolReportingOpened', {
  schoolId: 'sch-1', regionId: 'reg-1', budgetYear: 2027, timeZone: 'Asia/Jakarta', dueDates: { stage_one: '2027-07-31', annual: '2028-01-31' }, at: '2027-01-02T01:00:00.000Z',
});
const submit = (actor: Actor, report: 'stage_one' | 'annual', submittedOn: string, now = '2027-08-10T03:00:00.000Z'): SchoolReportingCommand => ({
  commandId: `c-${report}-${submittedOn}`, type: 'RecordReportSubmission', actor, now, payload: { report, submittedOn, evidence },
});
const remind = (offset: number): SchoolReportingCommand => ({
  commandId: `r-${offset}`, type: 'RecordStatutoryReminder', actor: system, now: '2027-07-20T01:00:00.000Z',
  payload: { report: 'stage_one', dueDate: '2027-07-31', offsetWorkingDays: offset, recipientRole: 'principal' },
});

describe('school reporting decider', () => {
  it('the principal of the school records a submission, and the report is closed', () => {
    const state = given([opened]).when(submit(principal, 'stage_one', '2027-08-05')).thenState();
    expect(state).toMatchObject({ status: 'open', reports: { stage_one: { status: 'submitted', submittedOn: '2027-08-05', submittedBy: 'u-kepsek' }, annual: { status: 'open' } } });
  });

  it('refuses a second submission of the same report (409), another school (404) and another role (403)', () => {
    const submitted = schoolReportingEvent('StatutoryReportSubmitted', { report: 'stage_one', submittedOn: '2027-07-30', evidence, by: 'u-kepsek', at: '2027-07-30T05:00:00.000Z' });
    given([opened, submitted]).when(submit(principal, 'stage_one', '2027-08-01')).thenThrows('ALREADY_SUBMITTED', 409);
    given([opened]).when(submit(otherPrincipal, 'stage_one', '2027-08-01')).thenThrows('OUT_OF_SCOPE', 404);
    given([opened]).when(submit(staff, 'stage_one', '2027-08-01')).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('refuses a date in the school\'s future or before the reported period began (422)', () => {
    // 2027-08-10 at 03:00 UTC is 10:00 in Jakarta: the 11th is tomorrow there.
    given([opened]).when(submit(principal, 'stage_one', '2027-08-11')).thenThrows('INVALID_SUBMISSION_DATE', 422);
    given([opened]).when(submit(principal, 'stage_one', '2026-12-31')).thenThrows('INVALID_SUBMISSION_DATE', 422);
    given([opened]).when(submit(principal, 'annual', '2027-06-30')).thenThrows('INVALID_SUBMISSION_DATE', 422);
    given([opened]).when(submit(principal, 'annual', '2027-08-10')).thenEmits(['StatutoryReportSubmitted']);
  });

  it('records each reminder once, only from Mutu itself, and none once the report is submitted', () => {
    const first = given([opened]).when(remind(5)).then([
      schoolReportingEvent('StatutoryReminderIssued', { report: 'stage_one', dueDate: '2027-07-31', offsetWorkingDays: 5, recipientRole: 'principal', at: '2027-07-20T01:00:00.000Z' }),
    ]);
    given([opened, ...first]).when(remind(5)).thenThrows('DUPLICATE_REMINDER', 409);
    given([opened]).when({ ...remind(2), actor: principal }).thenThrows('FORBIDDEN_ROLE', 403);
    const submitted = schoolReportingEvent('StatutoryReportSubmitted', { report: 'stage_one', submittedOn: '2027-07-15', evidence, by: 'u-kepsek', at: '2027-07-15T05:00:00.000Z' });
    given([opened, submitted]).when(remind(2)).thenThrows('ALREADY_SUBMITTED', 409);
  });

  it('a school year is opened once, by Mutu', () => {
    const open: SchoolReportingCommand = { commandId: 'o', type: 'OpenSchoolReporting', actor: system, now: opened.data.at, payload: { ...opened.data } };
    given([]).when(open).thenEmits(['SchoolReportingOpened']);
    given([opened]).when(open).thenThrows('ALREADY_EXISTS', 409);
    given([]).when({ ...open, actor: principal }).thenThrows('FORBIDDEN_ROLE', 403);
  });
});
