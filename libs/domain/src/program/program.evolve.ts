// evolve(state, event) → state. Total: it never throws, so a stored stream always folds; an event
// that cannot apply (e.g. before ProgramCreated) leaves the state unchanged.
import type { ProgramEvent } from './program.events';
import { EMPTY_REPORT_SECTIONS, type Plan, type Stage, reportRejectionsToReturn } from './program.schemas';
import {
  type ActivityState,
  type PlanState,
  type Program,
  type ProgramState,
  initialProgramState,
} from './program.state';

const addUnique = (list: readonly string[], item: string): string[] => (list.includes(item) ? [...list] : [...list, item]);

function planState(plan: Plan): PlanState {
  return {
    objectives: [...plan.objectives],
    standard: plan.standard,
    indicators: [...plan.indicators],
    activities: plan.activities.map(
      (a): ActivityState => ({
        ...a,
        window: { ...a.window },
        budget: { ...a.budget },
        requiredEvidence: [...a.requiredEvidence],
        assignment: null,
        status: 'planned',
        startedAt: null,
        execution: null,
        dropReason: null,
        evidence: [],
      }),
    ),
  };
}

function statusOf(stage: Stage): Program['status'] {
  return stage === 'closed' || stage === 'cancelled' ? stage : 'active';
}

function withActivity(state: Program, activityId: string, update: (a: ActivityState) => ActivityState): Program {
  return {
    ...state,
    plan: {
      ...state.plan,
      activities: state.plan.activities.map((a) => (a.id === activityId ? update(a) : a)),
    },
  };
}

export function evolve(state: ProgramState, event: ProgramEvent): ProgramState {
  if (event.type === 'ProgramCreated') {
    if (state.status !== 'none') return state;
    const d = event.data;
    return {
      status: 'active',
      programId: d.programId,
      schoolId: d.schoolId,
      regionId: d.regionId,
      budgetYear: d.budgetYear,
      timeZone: d.timeZone,
      title: d.title,
      stage: 'plan',
      plan: planState(d.plan),
      planVersion: 1,
      planAuthors: [d.by],
      approvalPolicy: d.approvalPolicy,
      approvalPolicyRef: d.approvalPolicyRef ?? null,
      submissions: { plan: null, documentation: null },
      approvals: [],
      report: {
        sections: { ...EMPTY_REPORT_SECTIONS },
        sha256: null,
        submittedVersion: null,
        submittedBy: null,
        submittedAt: null,
        authors: [],
        signatures: [],
        signedOffAt: null,
      },
      cancellation: null,
      deadlineExtensions: [],
      reminders: [],
      missedDeadlines: [],
      escalations: [],
      stageHistory: [{ stage: 'plan', enteredAt: d.at }],
      version: 1,
      createdBy: d.by,
      createdAt: d.at,
      updatedAt: d.at,
    };
  }
  if (state.status === 'none') return state;
  const base: Program = { ...state, version: state.version + 1, updatedAt: event.data.at };
  return apply(base, event);
}

function apply(s: Program, event: Exclude<ProgramEvent, { type: 'ProgramCreated' }>): Program {
  switch (event.type) {
    case 'PlanEdited': {
      const d = event.data;
      return { ...s, plan: planState(d.plan), planVersion: d.planVersion, planAuthors: addUnique(s.planAuthors, d.by) };
    }
    case 'PlanSubmitted':
      return { ...s, submissions: { ...s.submissions, plan: { by: event.data.by, at: event.data.at, approvedBy: [] } } };
    case 'PlanApproved': {
      const { by, role, at } = event.data;
      const sub = s.submissions.plan;
      return {
        ...s,
        submissions: { ...s.submissions, plan: sub && { ...sub, approvedBy: addUnique(sub.approvedBy, by) } },
        approvals: [...s.approvals, { stage: 'plan', decision: 'approve', by, role, reason: null, at }],
      };
    }
    case 'PlanRejected': {
      const { by, role, at, reason } = event.data;
      return {
        ...s,
        submissions: { ...s.submissions, plan: null },
        approvals: [...s.approvals, { stage: 'plan', decision: 'reject', by, role, reason, at }],
      };
    }
    case 'ActivityAssigned': {
      const d = event.data;
      return withActivity(s, d.activityId, (a) => ({
        ...a,
        assignment: { personInCharge: d.personInCharge, participants: [...d.participants], assignedBy: d.by, assignedAt: d.at },
      }));
    }
    case 'AssignmentsConfirmed':
    case 'ProgramClosed':
      // The stage change itself is the StageAdvanced event that follows.
      return s;
    case 'ActivityStarted':
      return withActivity(s, event.data.activityId, (a) => ({ ...a, status: 'in_progress', startedAt: event.data.at }));
    case 'ActivityCompleted':
      return withActivity(s, event.data.activityId, (a) => ({
        ...a,
        status: 'done',
        execution: { ...event.data.execution },
      }));
    case 'ActivityDropped':
      return withActivity(s, event.data.activityId, (a) => ({ ...a, status: 'dropped', dropReason: event.data.reason }));
    case 'EvidenceAttached': {
      const { evidence, by, at } = event.data;
      return withActivity(s, event.data.activityId, (a) => ({
        ...a,
        evidence: [...a.evidence, { ...evidence, uploadedBy: by, at }],
      }));
    }
    case 'EvidenceWithdrawn':
      return withActivity(s, event.data.activityId, (a) => ({
        ...a,
        evidence: a.evidence.filter((e) => e.sha256 !== event.data.sha256),
      }));
    case 'DocumentationSubmitted':
      return {
        ...s,
        submissions: { ...s.submissions, documentation: { by: event.data.by, at: event.data.at, approvedBy: [] } },
      };
    case 'DocumentationApproved': {
      const { by, role, at } = event.data;
      const sub = s.submissions.documentation;
      return {
        ...s,
        submissions: { ...s.submissions, documentation: sub && { ...sub, approvedBy: addUnique(sub.approvedBy, by) } },
        approvals: [...s.approvals, { stage: 'documentation', decision: 'approve', by, role, reason: null, at }],
      };
    }
    case 'DocumentationRejected': {
      const { by, role, at, reason } = event.data;
      return {
        ...s,
        submissions: { ...s.submissions, documentation: null },
        approvals: [...s.approvals, { stage: 'documentation', decision: 'reject', by, role, reason, at }],
      };
    }
    case 'ReportEdited':
      return {
        ...s,
        report: { ...s.report, sections: { ...event.data.sections }, authors: addUnique(s.report.authors, event.data.by) },
      };
    case 'ReportSubmitted': {
      const { by, at, reportSha256 } = event.data;
      return {
        ...s,
        report: {
          ...s.report,
          sha256: reportSha256,
          submittedVersion: s.version,
          submittedBy: by,
          submittedAt: at,
          authors: addUnique(s.report.authors, by),
          signatures: [],
        },
      };
    }
    case 'ReportSigned': {
      const { by, role, at, decision, reason, reportSha256 } = event.data;
      const signatures = [...s.report.signatures, { by, role, decision, reason, reportSha256, at }];
      const report = { ...s.report, signatures };
      // Enough rejections under the policy's rule return the report to editing; its signatures
      // stay visible until resubmission.
      const rejections = signatures.filter((x) => x.decision === 'reject' && x.reportSha256 === reportSha256).length;
      const returned = decision === 'reject' && rejections >= reportRejectionsToReturn(s.approvalPolicy.report);
      const reopened = returned ? { sha256: null, submittedVersion: null, submittedBy: null, submittedAt: null } : {};
      return {
        ...s,
        report: { ...report, ...reopened },
        approvals: [...s.approvals, { stage: 'report', decision, by, role, reason, at }],
      };
    }
    case 'ReportSignedOff':
      return { ...s, report: { ...s.report, signedOffAt: event.data.at } };
    case 'CancellationRequested':
      return { ...s, cancellation: { requestedBy: event.data.by, reason: event.data.reason, at: event.data.at } };
    case 'ProgramCancelled': {
      const { by, role, at, reason } = event.data;
      return { ...s, approvals: [...s.approvals, { stage: 'cancellation', decision: 'approve', by, role, reason, at }] };
    }
    case 'CancellationRejected': {
      const { by, role, at, reason } = event.data;
      return {
        ...s,
        cancellation: null,
        approvals: [...s.approvals, { stage: 'cancellation', decision: 'reject', by, role, reason, at }],
      };
    }
    case 'DeadlineExtended': {
      const { stage, activityId, newDueDate, reason, by, at } = event.data;
      return { ...s, deadlineExtensions: [...s.deadlineExtensions, { stage, activityId, newDueDate, reason, by, at }] };
    }
    case 'StageAdvanced': {
      const { to, at } = event.data;
      return { ...s, stage: to, status: statusOf(to), stageHistory: [...s.stageHistory, { stage: to, enteredAt: at }] };
    }
    case 'ReminderIssued': {
      const { stage, kind, dueDate, recipientRole, recipientUserId, activityId, at } = event.data;
      return { ...s, reminders: [...s.reminders, { stage, kind, dueDate, recipientRole, recipientUserId, activityId, at }] };
    }
    case 'DeadlineMissed': {
      const { stage, kind, dueDate, activityId, at } = event.data;
      return { ...s, missedDeadlines: [...s.missedDeadlines, { stage, kind, dueDate, activityId, at }] };
    }
    case 'EscalationRaised': {
      const { stage, level, toRole, dueDate, activityId, at } = event.data;
      return { ...s, escalations: [...s.escalations, { stage, level, toRole, dueDate, activityId, at }] };
    }
    case 'ExpenditureRecorded': {
      const { expenditure, by, at } = event.data;
      return withActivity(s, event.data.activityId, (a) => ({
        ...a,
        expenditures: [...(a.expenditures ?? []), { ...expenditure, supplierQuotes: [...expenditure.supplierQuotes], legacy: false, recordedBy: by, at }],
      }));
    }
    case 'ExpenditureWithdrawn':
      return withActivity(s, event.data.activityId, (a) => ({
        ...a,
        expenditures: (a.expenditures ?? []).filter((e) => e.expenditureId !== event.data.expenditureId),
      }));
    case 'OverspendAcknowledged': {
      const { by, at, realised } = event.data;
      return withActivity(s, event.data.activityId, (a) => ({ ...a, overspendAcknowledgement: { by, at, realised } }));
    }
    default: {
      const unreachable: never = event;
      // Unknown events (from a newer writer) are skipped rather than breaking the fold.
      void unreachable;
      return s;
    }
  }
}

export function fold(events: readonly ProgramEvent[], from: ProgramState = initialProgramState()): ProgramState {
  return events.reduce(evolve, from);
}
