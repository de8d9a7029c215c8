// Starting this year's program from last year's: the plan is copied (objectives, standard,
// indicators, activities with their components and amounts), moved into the new budget year; the
// execution (assignments, expenditures, evidence, report) stays with last year's program.
import { PlanSchema, type Plan } from '../program/program.schemas';

/** The same calendar day in `toYear` (29 February becomes the 28th in a common year). */
export function moveDate(date: string, toYear: number): string {
  const [, m, d] = date.split('-');
  const leap = (toYear % 4 === 0 && toYear % 100 !== 0) || toYear % 400 === 0;
  const day = m === '02' && d === '29' && !leap ? '28' : d;
  return `${String(toYear).padStart(4, '0')}-${m}-${day}`;
}

/**
 * Last year's plan as a plan of `toYear`: every window moved by whole years, keeping its span.
 * `plan` may be a program state's plan: parsing keeps the written fields and drops the runtime ones
 * (status, assignment, expenditures, evidence).
 */
export function copyPlanToYear(stored: unknown, fromYear: number, toYear: number): Plan {
  const plan = PlanSchema.parse(stored);
  const move = (date: string) => moveDate(date, Number(date.slice(0, 4)) + (toYear - fromYear));
  return {
    ...plan,
    activities: plan.activities.map((a) => ({ ...a, window: { start: move(a.window.start), end: move(a.window.end) } })),
  };
}
