// An activity's spending: its expenditures (recorded, or the legacy realised cost), the variance
// against the plan, recording and withdrawing expenditures, and the supervisor's acknowledgement of
// an overspend. The server decides every rule; this only shows what it will ask for.
import { useState } from 'react';
import type { ActivityState, Program } from '../api/types';
import { api, request } from '../api/client';
import { issuesUnder } from '../api/api-failure';
import { ErrorMessage } from '../components/feedback';
import { SelectField, TextField } from '../components/field';
import { localDate, rupiah, todayIn } from '../format';
import { useI18n } from '../i18n/i18n';
import { hasRole, useSession } from '../session';
import { useAction, useAsync } from '../use-async';

/** The documented default of the overspend policy (OVERSPEND_THRESHOLD_PERCENT in libs/domain). */
const THRESHOLD_PERCENT = 10;

interface ComponentList {
  components: { code: string; name: string }[];
}

function spendingOf(activity: ActivityState) {
  const recorded = activity.expenditures ?? [];
  const legacy = recorded.length === 0 && activity.execution && activity.execution.realisedCost > 0 ? activity.execution.realisedCost : 0;
  const realised = recorded.reduce((s, e) => s + e.amount, 0) + legacy;
  const planned = activity.budget.amount;
  const overspent = realised * 100 > planned * (100 + THRESHOLD_PERCENT);
  const ack = activity.overspendAcknowledgement ?? null;
  return { recorded, legacy, realised, planned, overspent, waiting: overspent && (!ack || ack.realised < realised) };
}

export function SpendingSection({ program, activity, reload }: { program: Program; activity: ActivityState; reload(): void }) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const s = spendingOf(activity);
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);
  const base = `/programs/${encodeURIComponent(program.programId)}/activities/${encodeURIComponent(activity.id)}`;
  const running = program.stage === 'execute' && activity.status === 'in_progress';
  const canRecord = running && (activity.assignment?.personInCharge === session?.user.userId || hasRole(session, 'principal') || hasRole(session, 'qa_team'));
  const canAcknowledge = running && s.waiting && hasRole(session, 'supervisor');
  const proofs = activity.evidence.filter((e) => e.kind === 'receipt' || e.kind === 'purchase_order');
  const quotes = activity.evidence.filter((e) => e.kind === 'supplier_quote');
  const list = useAsync(() => (canRecord ? api.get<ComponentList>(`/bosp/components/${program.budgetYear}`) : Promise.resolve(null)), [program.budgetYear, canRecord]);
  const today = todayIn(program.timeZone);
  const empty = { date: today < activity.window.end ? today : activity.window.end, amount: '', component: '', payee: '', siplahOrderNumber: '', evidenceSha256: proofs[0]?.sha256 ?? '', supplierQuotes: [] as string[] };
  const [form, setForm] = useState(empty);
  const [withdrawing, setWithdrawing] = useState<{ id: string; reason: string } | null>(null);
  const done = async (p: Promise<unknown>) => {
    if ((await run(() => p)) !== undefined) {
      setForm(empty);
      setWithdrawing(null);
      reload();
    }
  };
  const record = () =>
    done(
      api.post(`${base}/expenditures`, {
        expenditureId: `exp-${Date.now().toString(36)}`,
        date: form.date,
        amount: Math.round(Number(form.amount) || 0),
        payee: form.payee.trim(),
        evidenceSha256: form.evidenceSha256,
        ...(form.component ? { component: form.component } : {}),
        ...(form.siplahOrderNumber.trim() ? { siplahOrderNumber: form.siplahOrderNumber.trim() } : {}),
        ...(form.supplierQuotes.length ? { supplierQuotes: form.supplierQuotes } : {}),
      }),
    );
  const components = list.data?.components ?? [];

  return (
    <section className="card inner" aria-label={t('spendingTitle')} data-testid={`spending-${activity.id}`}>
      <h4>{t('spendingTitle')}</h4>
      <p>
        {t('plannedAmount')}: {rupiah(s.planned)} · {t('realisedAmount')}: <strong data-testid="realised">{rupiah(s.realised)}</strong> · {t('variance')}: {rupiah(s.realised - s.planned)}
        {s.overspent && <> · <strong className="status dropped">{t('overspent')}</strong></>}
      </p>
      {s.waiting && <p role="status">{t('overspendWaiting')}</p>}
      {s.overspent && !s.waiting && <p>{t('overspendAcknowledged')}</p>}
      {s.recorded.length === 0 && s.legacy === 0 && <p className="muted">{t('noExpenditures')}</p>}
      {(s.recorded.length > 0 || s.legacy > 0) && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('spendingTitle')}>
        <table>
          <thead><tr><th>{t('expenditureDate')}</th><th>{t('expenditureComponent')}</th><th>{t('expenditurePayee')}</th><th>SIPLah</th><th>{t('expenditureAmount')}</th><th /></tr></thead>
          <tbody>
            {s.recorded.map((e) => (
              <tr key={e.expenditureId} data-testid={`expenditure-${e.expenditureId}`}>
                <td>{localDate(e.date, lang)}</td><td>{e.component}</td><td>{e.payee}</td><td>{e.siplahOrderNumber ?? '-'}</td><td>{rupiah(e.amount)}</td>
                <td>{canRecord && <button type="button" className="danger" disabled={busy} onClick={() => setWithdrawing({ id: e.expenditureId, reason: '' })}>{t('withdrawExpenditure')}</button>}</td>
              </tr>
            ))}
            {s.legacy > 0 && <tr><td>{localDate(activity.execution?.actualEnd, lang)}</td><td colSpan={3}>{t('expenditureLegacy')}</td><td>{rupiah(s.legacy)}</td><td /></tr>}
          </tbody>
        </table>
        </div>
      )}
      {withdrawing && (
        <form onSubmit={(e) => { e.preventDefault(); void done(request('DELETE', `${base}/expenditures/${encodeURIComponent(withdrawing.id)}`, { body: { reason: withdrawing.reason.trim() } })); }}>
          <TextField label={t('reason')} value={withdrawing.reason} issue={issues.get('reason')} onChange={(e) => setWithdrawing({ ...withdrawing, reason: e.target.value })} />
          <button type="submit" className="danger" disabled={busy || !withdrawing.reason.trim()}>{t('withdrawExpenditure')}</button>
        </form>
      )}
      {canAcknowledge && <button type="button" className="primary" disabled={busy} onClick={() => void done(api.post(`${base}/overspend/acknowledge`, {}))}>{t('acknowledgeOverspend')}</button>}
      {canRecord && proofs.length === 0 && <p className="muted">{t('expenditureNoProof')}</p>}
      {canRecord && proofs.length > 0 && (
        <details>
          <summary>{t('recordExpenditure')}</summary>
          <form onSubmit={(e) => { e.preventDefault(); void record(); }}>
            <div className="row">
              <TextField label={t('expenditureDate')} type="date" value={form.date} issue={issues.get('date')} onChange={(e) => setForm({ ...form, date: e.target.value })} />
              <TextField label={t('expenditureAmount')} type="number" inputMode="numeric" min={1} value={form.amount} hint={rupiah(Number(form.amount) || 0)} issue={issues.get('amount')} onChange={(e) => setForm({ ...form, amount: e.target.value })} />
            </div>
            <SelectField label={t('expenditureComponent')} value={form.component} issue={issues.get('component')} onChange={(e) => setForm({ ...form, component: e.target.value })}
              options={[{ value: '', text: `(${activity.budget.component ?? activity.budget.line})` }, ...components.map((c) => ({ value: c.code, text: c.name }))]} />
            <TextField label={t('expenditurePayee')} value={form.payee} issue={issues.get('payee')} onChange={(e) => setForm({ ...form, payee: e.target.value })} />
            <TextField label={t('expenditureSiplah')} value={form.siplahOrderNumber} issue={issues.get('siplahOrderNumber')} onChange={(e) => setForm({ ...form, siplahOrderNumber: e.target.value })} />
            <SelectField label={t('expenditureEvidence')} value={form.evidenceSha256} issue={issues.get('evidenceSha256')} onChange={(e) => setForm({ ...form, evidenceSha256: e.target.value })}
              options={proofs.map((p) => ({ value: p.sha256, text: p.filename }))} />
            {quotes.length > 0 && (
              <fieldset>
                <legend>{t('expenditureQuotes')}</legend>
                {quotes.map((q) => (
                  <label key={q.sha256}>
                    <input type="checkbox" checked={form.supplierQuotes.includes(q.sha256)}
                      onChange={(e) => setForm({ ...form, supplierQuotes: e.target.checked ? [...form.supplierQuotes, q.sha256] : form.supplierQuotes.filter((x) => x !== q.sha256) })} />
                    {' '}{q.filename}
                  </label>
                ))}
              </fieldset>
            )}
            <button type="submit" className="primary" disabled={busy || !form.amount || !form.payee.trim()}>{t('recordExpenditure')}</button>
          </form>
        </details>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
