// Decisions on spending: expenditures recorded against an activity while it runs, each backed by
// a receipt or purchase order (and supplier quotes from Rp 50 million) attached to the activity;
// their withdrawal with a reason; the supervisor's acknowledgement of an overspend.
import { DomainError } from '../errors';
import type { CommandOf } from './program.commands';
import { type ProgramEvent, event } from './program.events';
import { budgetComponentOf } from '../bosp/bosp-components';
import { requiredQuotesFor, varianceOf } from './expenditure.rules';
import type { ActivityState, Program, ProgramState } from './program.state';
import { meta, requireActivity, requirePicOr, requireProgram, requireReason, requireRole, requireStage } from './program.guards';

const inYear = (date: string, year: number): boolean => date >= `${year}-01-01` && date <= `${year}-12-31`;

function requireSpendingOpen(program: Program, activity: ActivityState, action: string): void {
  requireStage(program, ['execute'], action);
  if (activity.status !== 'in_progress') {
    throw new DomainError('ACTIVITY_NOT_OPEN', `Cannot ${action}: activity "${activity.id}" is ${activity.status}.`, {
      activityId: activity.id,
      status: activity.status,
    });
  }
}

export function decideRecordExpenditure(command: CommandOf<'RecordExpenditure'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const { activityId, bospComponents, ...input } = command.payload;
  const activity = requireActivity(program, activityId);
  const role = requirePicOr(command.actor, activity, ['principal', 'qa_team'], 'record an expenditure');
  requireSpendingOpen(program, activity, 'record an expenditure');
  if ((activity.expenditures ?? []).some((e) => e.expenditureId === input.expenditureId)) {
    throw new DomainError('DUPLICATE_EXPENDITURE', 'An expenditure with this id is already recorded.', { activityId, expenditureId: input.expenditureId });
  }
  const component = input.component ?? budgetComponentOf(activity.budget);
  const issues: { path: string; message: string }[] = [];
  if (!inYear(input.date, program.budgetYear)) issues.push({ path: 'date', message: `must lie inside budget year ${program.budgetYear}` });
  if (bospComponents && !bospComponents.includes(component)) {
    throw new DomainError('UNKNOWN_BOSP_COMPONENT', `"${component}" is not a BOSP component of the budget year.`, { issues: [{ path: 'component', message: 'not in the list' }] });
  }
  if (issues.length > 0) throw new DomainError('INVALID_EXPENDITURE', 'The expenditure is not valid.', { issues });

  const attached = (sha256: string) => activity.evidence.find((e) => e.sha256 === sha256);
  const proof = attached(input.evidenceSha256);
  if (!proof || (proof.kind !== 'receipt' && proof.kind !== 'purchase_order')) {
    throw new DomainError('EXPENDITURE_EVIDENCE_REQUIRED', 'An expenditure rests on a receipt or purchase order attached to the activity.', {
      activityId,
      evidenceSha256: input.evidenceSha256,
      found: proof?.kind ?? null,
    });
  }
  const quotes = [...new Set(input.supplierQuotes ?? [])];
  const required = requiredQuotesFor(input.amount);
  const valid = quotes.filter((q) => attached(q)?.kind === 'supplier_quote');
  if (valid.length < required || valid.length < quotes.length) {
    throw new DomainError('INSUFFICIENT_SUPPLIER_QUOTES', `An expenditure of Rp ${input.amount} needs ${required} supplier quotes attached to the activity.`, {
      activityId,
      amount: input.amount,
      required,
      present: valid.length,
      notQuotes: quotes.filter((q) => !valid.includes(q)),
    });
  }
  const expenditure = {
    ...input,
    component,
    siplahOrderNumber: input.siplahOrderNumber ?? null,
    supplierQuotes: quotes,
  };
  return [event('ExpenditureRecorded', { activityId, expenditure, ...meta(command, role) })];
}

export function decideWithdrawExpenditure(command: CommandOf<'WithdrawExpenditure'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const { activityId, expenditureId } = command.payload;
  const activity = requireActivity(program, activityId);
  const role = requirePicOr(command.actor, activity, ['principal', 'qa_team'], 'withdraw an expenditure');
  requireSpendingOpen(program, activity, 'withdraw an expenditure');
  if (!(activity.expenditures ?? []).some((e) => e.expenditureId === expenditureId)) {
    throw new DomainError('EXPENDITURE_NOT_FOUND', 'No such expenditure on this activity.', { activityId, expenditureId });
  }
  const reason = requireReason(command.payload.reason, 'withdraw an expenditure');
  return [event('ExpenditureWithdrawn', { activityId, expenditureId, reason, ...meta(command, role) })];
}

export function decideAcknowledgeOverspend(command: CommandOf<'AcknowledgeOverspend'>, state: ProgramState): ProgramEvent[] {
  const program = requireProgram(state, command.actor);
  const role = requireRole(command.actor, ['supervisor'], 'acknowledge an overspend');
  const activity = requireActivity(program, command.payload.activityId);
  requireSpendingOpen(program, activity, 'acknowledge an overspend');
  const v = varianceOf(activity);
  if (!v.needsAcknowledgement) {
    throw new DomainError('NO_OVERSPEND', 'The activity has no overspend waiting for acknowledgement.', { activityId: activity.id, ...v });
  }
  return [
    event('OverspendAcknowledged', {
      activityId: activity.id,
      planned: v.planned,
      realised: v.realised,
      reason: command.payload.reason?.trim() || null,
      ...meta(command, role),
    }),
  ];
}
