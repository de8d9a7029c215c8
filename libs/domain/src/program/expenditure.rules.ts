// Spending rules as pure functions over an activity's folded state: its expenditures (recorded ones,
// or the one legacy expenditure of an activity completed with a single realised cost), their sum,
// the variance against the planned amount, and whether an overspend still needs acknowledging.
import { budgetComponentOf } from '../bosp/bosp-components';
import { OVERSPEND_THRESHOLD_PERCENT, type Expenditure, type OverspendAcknowledgement } from './expenditure.schemas';
import type { ActivityState } from './program.state';

type SpendingView = Pick<ActivityState, 'id' | 'budget' | 'execution'> & {
  expenditures?: Expenditure[];
  overspendAcknowledgement?: OverspendAcknowledgement | null;
};

/** Recorded expenditures, or the legacy realised cost as one expenditure (dated its actual end). */
export function expendituresOf(activity: SpendingView): Expenditure[] {
  const recorded = activity.expenditures ?? [];
  if (recorded.length > 0 || !activity.execution || activity.execution.realisedCost <= 0) return recorded;
  return [
    {
      expenditureId: `legacy-${activity.id}`,
      date: activity.execution.actualEnd,
      amount: activity.execution.realisedCost,
      component: budgetComponentOf(activity.budget),
      payee: '',
      siplahOrderNumber: null,
      evidenceSha256: null,
      supplierQuotes: [],
      legacy: true,
      recordedBy: '',
      at: '',
    },
  ];
}

export function realisedCostOf(activity: SpendingView): number {
  return expendituresOf(activity).reduce((sum, e) => sum + e.amount, 0);
}

export interface Variance {
  planned: number;
  realised: number;
  /** realised − planned (negative: under plan). */
  variance: number;
  /** Spending above the planned amount by more than the threshold. */
  overspent: boolean;
  /** Overspent and no acknowledgement covers the realised cost. */
  needsAcknowledgement: boolean;
}

export function varianceOf(activity: SpendingView, thresholdPercent = OVERSPEND_THRESHOLD_PERCENT): Variance {
  const planned = activity.budget.amount;
  const realised = realisedCostOf(activity);
  const overspent = realised * 100 > planned * (100 + thresholdPercent);
  const ack = activity.overspendAcknowledgement ?? null;
  return { planned, realised, variance: realised - planned, overspent, needsAcknowledgement: overspent && (!ack || ack.realised < realised) };
}

/** Supplier quotes an expenditure needs: 2 for Rp 50–200 million, 3 above Rp 200 million (DOMAIN.md). */
export function requiredQuotesFor(amount: number): number {
  if (amount > 200_000_000) return 3;
  if (amount >= 50_000_000) return 2;
  return 0;
}
