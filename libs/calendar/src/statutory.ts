import { LocalDate, monthDayInYear, parseLocalDate } from './local-date';

/*
 * BOSP reporting dates. These are statutory calendar dates: they do not roll to a working day
 * (the rule names the date itself), unlike Mutu's own deadlines.
 */

/** The stage I (tahap I) spending report is due 31 July of the budget year. */
export function stageOneReportDueDate(budgetYear: number): LocalDate {
  return monthDayInYear(budgetYear, '07-31');
}

/** The annual (full-year) spending report is due 31 January of the next year. */
export function annualReportDueDate(budgetYear: number): LocalDate {
  return monthDayInYear(budgetYear + 1, '01-31');
}

export type AnnualReportWindow = 'on_time' | 'february' | 'march' | 'april_to_june_25' | 'forfeit';

export interface AnnualReportPenalty {
  window: AnnualReportWindow;
  /**
   * Cut of the next budget year's stage I payment, in percent. A forfeit is reported as 100 (no
   * stage I at all), so `amount * percent / 100` is right in every window.
   */
  percent: 0 | 2 | 3 | 4 | 100;
  /** True when no stage I is paid next year (and so no stage II either). */
  forfeitsStageOne: boolean;
}

/**
 * The consequence of submitting budget year `budgetYear`'s annual report on `submittedOn` (a local
 * date; convert an instant with `localDateOf` in the school's zone first): on time up to 31 Jan,
 * 2% in February, 3% in March, 4% from 1 April to 25 June, stage I forfeited from 26 June.
 */
export function annualReportPenalty(budgetYear: number, submittedOn: LocalDate): AnnualReportPenalty {
  const { year, month, day } = parseLocalDate(submittedOn);
  const next = budgetYear + 1;
  if (submittedOn <= annualReportDueDate(budgetYear)) {
    return { window: 'on_time', percent: 0, forfeitsStageOne: false };
  }
  if (year === next && month === 2) return { window: 'february', percent: 2, forfeitsStageOne: false };
  if (year === next && month === 3) return { window: 'march', percent: 3, forfeitsStageOne: false };
  if (year === next && (month < 6 || (month === 6 && day <= 25))) {
    return { window: 'april_to_june_25', percent: 4, forfeitsStageOne: false };
  }
  return { window: 'forfeit', percent: 100, forfeitsStageOne: true };
}
