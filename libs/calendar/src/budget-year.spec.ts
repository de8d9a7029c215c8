import { budgetYearBounds, budgetYearOf, budgetYearOfInstant } from './budget-year';

describe('budget year', () => {
  it('runs from 1 January to 31 December', () => {
    expect(budgetYearOf('2026-01-01')).toBe(2026);
    expect(budgetYearOf('2026-12-31')).toBe(2026);
    expect(budgetYearBounds(2026)).toEqual({
      budgetYear: 2026,
      start: '2026-01-01',
      end: '2026-12-31',
      startsAt: '2025-12-31T17:00:00.000Z',
      endsBefore: '2026-12-31T17:00:00.000Z',
    });
  });

  it('reads an instant on the local wall clock: New Year in Jayapura comes first', () => {
    expect(budgetYearOfInstant('2026-12-31T16:00:00Z', 'Asia/Jakarta')).toBe(2026);
    expect(budgetYearOfInstant('2026-12-31T16:00:00Z', 'Asia/Jayapura')).toBe(2027);
    expect(budgetYearOfInstant('2026-12-31T17:00:00Z')).toBe(2027);
  });
});
