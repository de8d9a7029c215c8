import { given } from '../testing/specification';
import { actors, command, createProgram, programAt, runCommands, sha, validPlan, plannedActivity } from '../testing/fixtures';
import { BOSP_GUIDELINES_63_2023, UNMAPPED_COMPONENT, budgetComponentOf, componentCodeForLine } from '../bosp/bosp-components';
import { expendituresOf, realisedCostOf, varianceOf } from './expenditure.rules';
import type { Program } from './program.state';
import { decide } from './program.decider';

const CODES = BOSP_GUIDELINES_63_2023.components.map((c) => c.code);
const attach = (n: number, kind: 'receipt' | 'purchase_order' | 'supplier_quote' | 'photo') =>
  command('AttachEvidence', actors.staff, { activityId: 'act-1', sha256: sha(n), kind, filename: `${kind}-${n}.pdf`, size: 10, mimeType: 'application/pdf' });
const spend = (id: string, amount: number, extra: Record<string, unknown> = {}) =>
  command('RecordExpenditure', actors.staff, {
    activityId: 'act-1',
    expenditureId: id,
    date: '2025-02-10',
    amount,
    payee: 'CV Sumber Ilmu',
    evidenceSha256: sha(501),
    ...extra,
  });
const complete = (realisedCost?: number) =>
  command('CompleteActivity', actors.staff, {
    activityId: 'act-1',
    actualStart: '2025-02-03',
    actualEnd: '2025-02-20',
    outcome: 'Terlaksana',
    ...(realisedCost === undefined ? {} : { realisedCost }),
  });
// act-1 plans Rp 5,000,000; a receipt (501) and three quotes (601–603) are attached.
const running = () =>
  runCommands(
    [command('StartActivity', actors.staff, { activityId: 'act-1' }), attach(501, 'receipt'), attach(502, 'photo'), attach(601, 'supplier_quote'), attach(602, 'supplier_quote'), attach(603, 'supplier_quote')],
    programAt('execute'),
  );
const activity = (state: unknown) => (state as Program).plan.activities.find((a) => a.id === 'act-1')!;

describe('BOSP components', () => {
  it('maps a free-text line to its component by name, else unmapped', () => {
    expect(componentCodeForLine('  pengembangan profesi GURU dan tenaga kependidikan ')).toBe('profesi_gtk');
    expect(budgetComponentOf({ line: 'Sarana' })).toBe(UNMAPPED_COMPONENT);
    expect(budgetComponentOf({ line: 'Sarana', component: 'pemeliharaan_sarpras' })).toBe('pemeliharaan_sarpras');
    expect(CODES).toHaveLength(12);
  });

  it('SubmitPlan refuses a line outside the year list, keeps the text of the plan', () => {
    const plan = validPlan(2, { activities: [plannedActivity(1), plannedActivity(2, { budget: { line: 'Sarana', amount: 1 } })] });
    const created = runCommands([createProgram({ plan })]);
    given(created.state).when(command('SubmitPlan', actors.principal, { bospComponents: CODES })).thenThrows('UNKNOWN_BOSP_COMPONENT', 422);
    expect(() => decide(command('SubmitPlan', actors.principal, { bospComponents: CODES }), created.state)).toThrow(
      expect.objectContaining({ details: { issues: [expect.objectContaining({ path: 'activities.1.budget.component' })] } }),
    );
    expect((created.state as Program).plan.activities[1]!.budget).toEqual({ line: 'Sarana', amount: 1 });
    given(created.state).when(command('SubmitPlan', actors.principal, {})).thenEmits(['PlanSubmitted']);
  });
});

describe('RecordExpenditure', () => {
  it('records an expenditure backed by a receipt; realised cost is the sum', () => {
    const r = runCommands([spend('e1', 1_000_000), spend('e2', 2_500_000, { siplahOrderNumber: 'SPL-1', component: 'profesi_gtk' })], running());
    const a = activity(r.state);
    expect(a.expenditures!.map((e) => [e.expenditureId, e.component, e.siplahOrderNumber])).toEqual([
      ['e1', 'profesi_gtk', null],
      ['e2', 'profesi_gtk', 'SPL-1'],
    ]);
    expect(realisedCostOf(a)).toBe(3_500_000);
    const done = runCommands([complete()], r);
    expect(activity(done.state).execution!.realisedCost).toBe(3_500_000);
  });

  it('refuses evidence that is not a receipt or purchase order on the activity', () => {
    given(running().state).when(spend('e1', 1000, { evidenceSha256: sha(502) })).thenThrows('EXPENDITURE_EVIDENCE_REQUIRED', 422);
    given(running().state).when(spend('e1', 1000, { evidenceSha256: sha(999) })).thenThrows('EXPENDITURE_EVIDENCE_REQUIRED', 422);
  });

  it('needs 2 supplier quotes from Rp 50 million and 3 above Rp 200 million', () => {
    const s = running().state;
    given(s).when(spend('e1', 50_000_000, { supplierQuotes: [sha(601)] })).thenThrows('INSUFFICIENT_SUPPLIER_QUOTES', 422);
    given(s).when(spend('e1', 50_000_000, { supplierQuotes: [sha(601), sha(502)] })).thenThrows('INSUFFICIENT_SUPPLIER_QUOTES', 422);
    given(s).when(spend('e1', 200_000_000, { supplierQuotes: [sha(601), sha(602)] })).thenEmits(['ExpenditureRecorded']);
    given(s).when(spend('e1', 200_000_001, { supplierQuotes: [sha(601), sha(602)] })).thenThrows('INSUFFICIENT_SUPPLIER_QUOTES', 422);
    given(s).when(spend('e1', 200_000_001, { supplierQuotes: [sha(601), sha(602), sha(603)] })).thenEmits(['ExpenditureRecorded']);
    given(s).when(spend('e1', 49_999_999)).thenEmits(['ExpenditureRecorded']);
  });

  it('refuses a date outside the budget year, an unknown component, a duplicate id, a planned activity', () => {
    given(running().state).when(spend('e1', 1000, { date: '2024-12-31' })).thenThrows('INVALID_EXPENDITURE', 422);
    given(running().state).when(spend('e1', 1000, { component: 'nope', bospComponents: CODES })).thenThrows('UNKNOWN_BOSP_COMPONENT', 422);
    given(runCommands([spend('e1', 1000)], running()).state).when(spend('e1', 1000)).thenThrows('DUPLICATE_EXPENDITURE', 409);
    given(programAt('execute').state).when(spend('e1', 1000)).thenThrows('ACTIVITY_NOT_OPEN', 409);
    given(running().state).when({ ...spend('e1', 1000), actor: actors.committee1 }).thenThrows('FORBIDDEN_ROLE', 403);
  });

  it('withdraws with a reason; evidence an expenditure rests on cannot be withdrawn', () => {
    const r = runCommands([spend('e1', 1000)], running());
    given(r.state).when(command('WithdrawEvidence', actors.staff, { activityId: 'act-1', sha256: sha(501), reason: 'x' })).thenThrows('EVIDENCE_IN_USE', 409);
    given(r.state).when(command('WithdrawExpenditure', actors.staff, { activityId: 'act-1', expenditureId: 'e1', reason: ' ' })).thenThrows('REASON_REQUIRED', 422);
    given(r.state).when(command('WithdrawExpenditure', actors.staff, { activityId: 'act-1', expenditureId: 'e9', reason: 'x' })).thenThrows('EXPENDITURE_NOT_FOUND', 404);
    const w = runCommands([command('WithdrawExpenditure', actors.staff, { activityId: 'act-1', expenditureId: 'e1', reason: 'Salah catat' })], r);
    expect(activity(w.state).expenditures).toEqual([]);
  });
});

describe('overspend', () => {
  // Planned Rp 5,000,000: 10 % over is Rp 5,500,000, still fine; one rupiah more needs acknowledging.
  it('up to the threshold completes without acknowledgement', () => {
    const r = runCommands([spend('e1', 5_500_000)], running());
    expect(varianceOf(activity(r.state))).toMatchObject({ variance: 500_000, overspent: false });
    given(r.state).when(complete()).thenEmits(['ActivityCompleted']);
  });

  it('beyond it, completion waits for the supervisor; more spending needs a new acknowledgement', () => {
    const r = runCommands([spend('e1', 5_500_001)], running());
    given(r.state).when(complete()).thenThrows('OVERSPEND_NOT_ACKNOWLEDGED', 422);
    given(r.state).when(command('AcknowledgeOverspend', actors.staff, { activityId: 'act-1' })).thenThrows('FORBIDDEN_ROLE', 403);
    const ack = runCommands([command('AcknowledgeOverspend', actors.supervisor, { activityId: 'act-1', reason: 'Harga naik' })], r);
    given(ack.state).when(command('AcknowledgeOverspend', actors.supervisor, { activityId: 'act-1' })).thenThrows('NO_OVERSPEND', 409);
    given(ack.state).when(complete(5_500_001)).thenEmits(['ActivityCompleted']);
    given(ack.state).when(complete(5_000_000)).thenThrows('REALISED_COST_MISMATCH', 422);
    const more = runCommands([spend('e2', 1)], ack);
    given(more.state).when(complete()).thenThrows('OVERSPEND_NOT_ACKNOWLEDGED', 422);
  });
});

describe('legacy realised cost', () => {
  it('an activity completed with one number folds to one legacy expenditure', () => {
    const r = runCommands([command('StartActivity', actors.staff, { activityId: 'act-1' }), complete(4_000_000)], programAt('execute'));
    const a = activity(r.state);
    expect(a.expenditures ?? []).toEqual([]);
    expect(expendituresOf(a)).toEqual([expect.objectContaining({ legacy: true, amount: 4_000_000, component: 'profesi_gtk', date: '2025-02-20' })]);
    const { expenditures: _omit, ...folded } = a;
    expect(realisedCostOf(folded)).toBe(4_000_000);
  });
});

describe('pending decisions', () => {
  it('an overspend waiting for acknowledgement is the supervisor\'s task, gone once acknowledged', async () => {
    const { pendingDecisions } = await import('./program.pending');
    const r = runCommands([spend('e1', 6_000_000)], running());
    expect(pendingDecisions(r.state).filter((p) => p.kind === 'acknowledge_overspend')).toEqual([
      expect.objectContaining({ role: 'supervisor', activityId: 'act-1', stage: 'execute' }),
    ]);
    const ack = runCommands([command('AcknowledgeOverspend', actors.supervisor, { activityId: 'act-1' })], r);
    expect(pendingDecisions(ack.state).map((p) => p.kind)).not.toContain('acknowledge_overspend');
  });
});
