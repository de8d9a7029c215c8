import { given } from '../testing/specification';
import { actors, command, programAt } from '../testing/fixtures';
import { requireLaterDueDate } from './program.decide-lifecycle';
import type { Program } from './program.state';

const extend = (newDueDate: string, activityId?: string) =>
  command('ExtendDeadline', actors.supervisor, { stage: 'execute', ...(activityId ? { activityId } : {}), newDueDate, reason: 'Banjir' });

describe('an extension only moves a deadline later', () => {
  const extended = () => given(programAt('execute').state).when(extend('2025-11-28', 'act-1')).thenState() as Program;

  it('refuses a date on or before the one an earlier extension set (422 EXTENSION_NOT_LATER)', () => {
    given(extended()).when(extend('2025-11-28', 'act-1')).thenThrows('EXTENSION_NOT_LATER', 422);
    given(extended()).when(extend('2025-11-01', 'act-1')).thenThrows('EXTENSION_NOT_LATER', 422);
    expect((given(extended()).when(extend('2025-12-05', 'act-1')).thenState() as Program).deadlineExtensions.map((e) => e.newDueDate)).toEqual(['2025-11-28', '2025-12-05']);
  });

  it('a stage-wide extension must pass every date it replaces; another activity is not held back', () => {
    given(extended()).when(extend('2025-11-20')).thenThrows('EXTENSION_NOT_LATER', 422);
    given(extended()).when(extend('2025-11-20', 'act-2')).then([expect.objectContaining({ type: 'DeadlineExtended' })]);
  });

  it("holds the new date against the schedule's due dates the workflow passes", () => {
    const p = programAt('execute').state as Program;
    const target = { stage: 'execute' as const, activityId: 'act-1', newDueDate: '2025-06-13' };
    expect(() => requireLaterDueDate(p, target, ['2025-06-20'])).toThrow(expect.objectContaining({ code: 'EXTENSION_NOT_LATER', details: { currentDueDate: '2025-06-20', newDueDate: '2025-06-13' } }));
    expect(() => requireLaterDueDate(p, target, ['2025-06-13'])).toThrow(expect.objectContaining({ code: 'EXTENSION_NOT_LATER' }));
    expect(() => requireLaterDueDate(p, target, ['2025-06-12'])).not.toThrow();
    expect(() => requireLaterDueDate(p, target)).not.toThrow();
  });
});
