// Business rules on plans, execution records and evidence, as pure functions returning the list
// of problems (empty = fine) so the decider can put them in an error's details.
import type { EvidenceKind, Execution, Plan } from './program.schemas';
import type { ActivityState } from './program.state';

export interface Issue {
  path: string;
  message: string;
}

const inYear = (date: string, year: number): boolean => date >= `${year}-01-01` && date <= `${year}-12-31`;

/** Checked on every edit: a draft may be incomplete but never inconsistent. */
export function planIssues(plan: Plan, budgetYear: number): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  plan.activities.forEach((a, i) => {
    const path = `activities.${i}`;
    if (seen.has(a.id)) issues.push({ path: `${path}.id`, message: `duplicate activity id "${a.id}"` });
    seen.add(a.id);
    if (!inYear(a.window.start, budgetYear)) {
      issues.push({ path: `${path}.window.start`, message: `must lie inside budget year ${budgetYear}` });
    }
    if (!inYear(a.window.end, budgetYear)) {
      issues.push({ path: `${path}.window.end`, message: `must lie inside budget year ${budgetYear}` });
    }
    if (a.window.end < a.window.start) {
      issues.push({ path: `${path}.window`, message: 'end is before start' });
    }
    if (new Set(a.requiredEvidence).size !== a.requiredEvidence.length) {
      issues.push({ path: `${path}.requiredEvidence`, message: 'lists an evidence kind twice' });
    }
  });
  return issues;
}

/** Checked on submission: what a plan needs before a supervisor can look at it. */
export function planCompletenessIssues(plan: Plan): Issue[] {
  const issues: Issue[] = [];
  if (plan.objectives.length === 0) issues.push({ path: 'objectives', message: 'at least one objective' });
  if (plan.standard === null) issues.push({ path: 'standard', message: 'the national standard (SNP) targeted' });
  if (plan.indicators.length === 0) issues.push({ path: 'indicators', message: 'at least one indicator' });
  if (plan.activities.length === 0) issues.push({ path: 'activities', message: 'at least one activity' });
  return issues;
}

export function executionIssues(execution: Execution, budgetYear: number): Issue[] {
  const issues: Issue[] = [];
  if (execution.actualEnd < execution.actualStart) issues.push({ path: 'actualEnd', message: 'is before actualStart' });
  if (!inYear(execution.actualStart, budgetYear)) {
    issues.push({ path: 'actualStart', message: `must lie inside budget year ${budgetYear}` });
  }
  if (!inYear(execution.actualEnd, budgetYear)) {
    issues.push({ path: 'actualEnd', message: `must lie inside budget year ${budgetYear}` });
  }
  return issues;
}

/**
 * SIPLah procurement: 2 supplier quotes from Rp 50 million, 3 above Rp 200 million, judged on the
 * realised cost once known, else the planned amount.
 */
export function requiredSupplierQuotes(activity: Pick<ActivityState, 'kind' | 'budget' | 'execution'>): number {
  if (activity.kind !== 'facilities_procurement') return 0;
  const value = activity.execution?.realisedCost ?? activity.budget.amount;
  if (value > 200_000_000) return 3;
  if (value >= 50_000_000) return 2;
  return 0;
}

export interface MissingEvidence {
  activityId: string;
  kind: EvidenceKind;
  required: number;
  present: number;
}

/** What a done activity still lacks: each required kind at least once, plus procurement quotes. */
export function missingEvidence(activity: ActivityState): MissingEvidence[] {
  const count = (kind: EvidenceKind) => activity.evidence.filter((e) => e.kind === kind).length;
  const needed = new Map<EvidenceKind, number>(activity.requiredEvidence.map((k) => [k, 1]));
  const quotes = requiredSupplierQuotes(activity);
  if (quotes > 0) needed.set('supplier_quote', Math.max(quotes, needed.get('supplier_quote') ?? 0));
  const missing: MissingEvidence[] = [];
  for (const [kind, required] of needed) {
    const present = count(kind);
    if (present < required) missing.push({ activityId: activity.id, kind, required, present });
  }
  return missing;
}
