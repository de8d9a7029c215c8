// decide(command, state) → events, or throws a DomainError. Pure: time comes on the command.
import type { ProgramCommand } from './program.commands';
import type { ProgramEvent } from './program.events';
import type { ProgramState } from './program.state';
import { decideCreateProgram, decideDecidePlan, decideEditPlan, decideSubmitPlan } from './program.decide-plan';
import {
  decideAssignActivity,
  decideAttachEvidence,
  decideCompleteActivity,
  decideConfirmAssignments,
  decideDropActivity,
  decideStartActivity,
  decideWithdrawEvidence,
} from './program.decide-execution';
import {
  decideCloseProgram,
  decideCompleteDocumentation,
  decideDecideDocumentation,
  decideEditReport,
  decideSignReport,
  decideSubmitReport,
} from './program.decide-review';
import {
  decideConfirmCancellation,
  decideExtendDeadline,
  decideRecordDeadlineMissed,
  decideRecordEscalation,
  decideRecordReminder,
  decideRejectCancellation,
  decideRequestCancellation,
} from './program.decide-lifecycle';
import { decideAcknowledgeOverspend, decideRecordExpenditure, decideWithdrawExpenditure } from './program.decide-spending';

export function decide(command: ProgramCommand, state: ProgramState): ProgramEvent[] {
  switch (command.type) {
    case 'CreateProgram':
      return decideCreateProgram(command, state);
    case 'EditPlan':
      return decideEditPlan(command, state);
    case 'SubmitPlan':
      return decideSubmitPlan(command, state);
    case 'DecidePlan':
      return decideDecidePlan(command, state);
    case 'AssignActivity':
      return decideAssignActivity(command, state);
    case 'ConfirmAssignments':
      return decideConfirmAssignments(command, state);
    case 'StartActivity':
      return decideStartActivity(command, state);
    case 'CompleteActivity':
      return decideCompleteActivity(command, state);
    case 'DropActivity':
      return decideDropActivity(command, state);
    case 'AttachEvidence':
      return decideAttachEvidence(command, state);
    case 'WithdrawEvidence':
      return decideWithdrawEvidence(command, state);
    case 'CompleteDocumentation':
      return decideCompleteDocumentation(command, state);
    case 'DecideDocumentation':
      return decideDecideDocumentation(command, state);
    case 'EditReport':
      return decideEditReport(command, state);
    case 'SubmitReport':
      return decideSubmitReport(command, state);
    case 'SignReport':
      return decideSignReport(command, state);
    case 'CloseProgram':
      return decideCloseProgram(command, state);
    case 'RequestCancellation':
      return decideRequestCancellation(command, state);
    case 'ConfirmCancellation':
      return decideConfirmCancellation(command, state);
    case 'RejectCancellation':
      return decideRejectCancellation(command, state);
    case 'ExtendDeadline':
      return decideExtendDeadline(command, state);
    case 'RecordReminder':
      return decideRecordReminder(command, state);
    case 'RecordDeadlineMissed':
      return decideRecordDeadlineMissed(command, state);
    case 'RecordEscalation':
      return decideRecordEscalation(command, state);
    case 'RecordExpenditure':
      return decideRecordExpenditure(command, state);
    case 'WithdrawExpenditure':
      return decideWithdrawExpenditure(command, state);
    case 'AcknowledgeOverspend':
      return decideAcknowledgeOverspend(command, state);
    default: {
      const unreachable: never = command;
      throw new Error(`Unknown command ${(unreachable as { type: string }).type}`);
    }
  }
}
