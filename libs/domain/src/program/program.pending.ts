// What a program is waiting for, and on whom: the `tasks` inbox read model and a workflow query.
import type { Role } from '../actor';
import type { Stage } from './program.schemas';
import { type ApprovalRecord, type Program, type ProgramState, stageEnteredAt } from './program.state';
import { varianceOf } from './expenditure.rules';

export type PendingDecisionKind =
  | 'approve_plan'
  | 'assign_activities'
  | 'execute_activity'
  | 'complete_documentation'
  | 'approve_documentation'
  | 'write_report'
  | 'sign_report'
  | 'confirm_cancellation'
  | 'revise_plan'
  | 'close_program'
  | 'acknowledge_overspend';

export interface PendingDecision {
  kind: PendingDecisionKind;
  stage: Stage;
  role: Role;
  /** Set when one person is expected, e.g. the person in charge of an activity. */
  userId?: string;
  activityId?: string;
  /** Since when it has been waiting. */
  since: string;
}

/** The later of entering the stage and the last rejection sending work back to it. */
function editableSince(state: Program, approvalStage: ApprovalRecord['stage']): string {
  const entered = stageEnteredAt(state);
  const lastReject = [...state.approvals]
    .reverse()
    .find((a) => a.stage === approvalStage && a.decision === 'reject' && a.at >= entered);
  return lastReject?.at ?? entered;
}

function stageDecisions(s: Program): PendingDecision[] {
  switch (s.stage) {
    case 'plan': {
      const sub = s.submissions.plan;
      return sub
        ? [{ kind: 'approve_plan', stage: 'plan', role: s.approvalPolicy.plan.role, since: sub.at }]
        : [{ kind: 'revise_plan', stage: 'plan', role: 'principal', since: editableSince(s, 'plan') }];
    }
    case 'assign':
      return [{ kind: 'assign_activities', stage: 'assign', role: 'principal', since: stageEnteredAt(s) }];
    case 'execute': {
      const entered = stageEnteredAt(s);
      const open = s.plan.activities.filter((a) => a.status === 'planned' || a.status === 'in_progress');
      const executing = open.map((a): PendingDecision => ({
        kind: 'execute_activity',
        stage: 'execute',
        role: 'staff',
        ...(a.assignment ? { userId: a.assignment.personInCharge } : {}),
        activityId: a.id,
        since: a.assignment && a.assignment.assignedAt > entered ? a.assignment.assignedAt : entered,
      }));
      // Spending beyond the threshold waits on the supervisor, since the expenditure that crossed it.
      const overspent = open
        .filter((a) => varianceOf(a).needsAcknowledgement)
        .map((a): PendingDecision => ({
          kind: 'acknowledge_overspend',
          stage: 'execute',
          role: 'supervisor',
          activityId: a.id,
          since: (a.expenditures ?? []).reduce((last, e) => (e.at > last ? e.at : last), entered),
        }));
      return [...executing, ...overspent];
    }
    case 'document': {
      const sub = s.submissions.documentation;
      return sub
        ? [{ kind: 'approve_documentation', stage: 'document', role: s.approvalPolicy.documentation.role, since: sub.at }]
        : [{ kind: 'complete_documentation', stage: 'document', role: 'qa_team', since: editableSince(s, 'documentation') }];
    }
    case 'report': {
      const r = s.report;
      if (r.signedOffAt) return [{ kind: 'close_program', stage: 'report', role: 'principal', since: r.signedOffAt }];
      if (r.sha256 && r.submittedAt) {
        return [{ kind: 'sign_report', stage: 'report', role: s.approvalPolicy.report.role, since: r.submittedAt }];
      }
      return [{ kind: 'write_report', stage: 'report', role: 'principal', since: editableSince(s, 'report') }];
    }
    case 'closed':
    case 'cancelled':
      return [];
    default: {
      const unreachable: never = s.stage;
      throw new Error(`Unknown stage ${String(unreachable)}`);
    }
  }
}

export function pendingDecisions(state: ProgramState): PendingDecision[] {
  if (state.status !== 'active') return [];
  const pending = stageDecisions(state);
  if (state.cancellation) {
    pending.push({ kind: 'confirm_cancellation', stage: state.stage, role: 'supervisor', since: state.cancellation.at });
  }
  return pending;
}
