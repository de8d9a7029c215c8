import { createProgram, runCommands } from '../testing/fixtures';
import { DEFAULT_APPROVAL_POLICY } from './program.schemas';
import { upcast } from './upcast';

describe('upcast', () => {
  const [created] = runCommands([createProgram()]).events;

  it('passes current events through unchanged', () => {
    expect(upcast(created!)).toEqual(created);
  });

  it('lifts a v0 ProgramCreated (no time zone, no policy) to v1 with the defaults', () => {
    const { timeZone: _tz, approvalPolicy: _p, ...v0data } = created!.data as Record<string, unknown>;
    const lifted = upcast({ type: 'ProgramCreated', v: 0, data: v0data });
    expect(lifted).toEqual({
      type: 'ProgramCreated',
      v: 1,
      data: { ...created!.data, timeZone: 'Asia/Jakarta', approvalPolicy: DEFAULT_APPROVAL_POLICY },
    });
  });

  it('refuses unknown types, versions from the future and missing upcasters', () => {
    expect(() => upcast({ type: 'Nope', v: 1, data: {} })).toThrow(/Unknown/);
    expect(() => upcast({ type: 'ProgramCreated', v: 2, data: created!.data })).toThrow(/newer/);
    expect(() => upcast({ type: 'PlanEdited', v: 0, data: {} })).toThrow(/No upcaster/);
  });

  it('validates what an upcaster produced', () => {
    expect(() => upcast({ type: 'ProgramCreated', v: 0, data: { ...created!.data, budgetYear: 'x' } })).toThrow();
  });

  it('passes a current-version event through as stored (it was checked when decided)', () => {
    const raw = { type: 'ProgramCreated', v: 1, data: created!.data };
    expect(upcast(raw).data).toBe(created!.data);
  });
});
