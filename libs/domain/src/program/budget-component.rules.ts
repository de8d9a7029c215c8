// A plan's budget lines against the budget year's BOSP component list.
import { budgetComponentOf } from '../bosp/bosp-components';
import type { Issue } from './plan.rules';
import type { Plan } from './program.schemas';

/**
 * Budget lines whose component (their code, or the component their text names) is not in the
 * year's list. No list given (a year without one): nothing to check against.
 */
export function unknownComponentIssues(plan: Pick<Plan, 'activities'>, codes: readonly string[] | undefined): Issue[] {
  if (!codes) return [];
  const known = new Set(codes);
  return plan.activities.flatMap((a, i) => {
    const component = budgetComponentOf(a.budget);
    return known.has(component)
      ? []
      : [{ path: `activities.${i}.budget.component`, message: `"${component}" is not a BOSP component of the budget year (line "${a.budget.line}")` }];
  });
}
