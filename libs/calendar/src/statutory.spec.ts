import { annualReportDueDate, annualReportPenalty, stageOneReportDueDate } from './statutory';

describe('BOSP statutory dates', () => {
  it('has the stage I report due 31 July and the annual report due 31 January of the next year', () => {
    expect(stageOneReportDueDate(2026)).toBe('2026-07-31');
    expect(annualReportDueDate(2026)).toBe('2027-01-31');
  });

  it.each([
    ['2026-12-20', 'on_time', 0, false],
    ['2027-01-31', 'on_time', 0, false],
    ['2027-02-01', 'february', 2, false],
    ['2027-02-28', 'february', 2, false],
    ['2027-03-01', 'march', 3, false],
    ['2027-03-31', 'march', 3, false],
    ['2027-04-01', 'april_to_june_25', 4, false],
    ['2027-06-25', 'april_to_june_25', 4, false],
    ['2027-06-26', 'forfeit', 100, true],
    ['2027-12-31', 'forfeit', 100, true],
    ['2028-01-15', 'forfeit', 100, true],
  ])('the 2026 annual report submitted on %s is %s (%i%% cut)', (submittedOn, window, percent, forfeits) => {
    expect(annualReportPenalty(2026, submittedOn)).toEqual({ window, percent, forfeitsStageOne: forfeits });
  });

  it('counts 29 February as February in a leap year (the 2027 report, due 31 Jan 2028)', () => {
    expect(annualReportPenalty(2027, '2028-02-29').window).toBe('february');
    expect(annualReportPenalty(2027, '2028-03-01').window).toBe('march');
  });

  it('does not roll the statutory date to a working day: 31 Jan 2027 is a Sunday, 1 Feb is late', () => {
    expect(annualReportPenalty(2026, '2027-02-01').percent).toBe(2);
  });

  it('refuses a malformed submission date', () => {
    expect(() => annualReportPenalty(2026, '2027-02-30')).toThrow(RangeError);
  });
});
