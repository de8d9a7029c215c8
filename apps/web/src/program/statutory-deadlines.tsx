// A school's statutory BOSP reports of one budget year (stage I, annual): due date, status,
// submission and the annual report's cut window; the principal records a submission with the
// ARKAS export as evidence.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { ApiFailure } from '../api/api-failure';
import { uploadFile } from '../api/upload';
import { ErrorMessage, Loading, Notice } from '../components/feedback';
import { TextField } from '../components/field';
import { localDate, todayIn } from '../format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { hasRole, useSession } from '../session';
import { useAsync } from '../use-async';
import type { StatutoryDeadlinesView, StatutoryDeadlineView } from '../../../api/src/statutory/statutory.views';

export function StatutoryDeadlines({ schoolId, budgetYear }: { schoolId: string; budgetYear: number }) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const path = `/schools/${encodeURIComponent(schoolId)}/statutory-deadlines/${budgetYear}`;
  const view = useAsync(() => api.get<StatutoryDeadlinesView>(path), [path]);
  const canRecord = hasRole(session, 'principal') && !!session?.user.schoolIds?.includes(schoolId);
  const titleId = `statutory-${schoolId}-${budgetYear}`;
  return (
    <section className="card" aria-labelledby={titleId} data-testid="statutory-deadlines">
      <h3 id={titleId}>{t('statutoryTitle', { year: budgetYear })}{view.data ? ` — ${view.data.schoolName}` : ''}</h3>
      <p className="muted">{t('statutoryIntro')}</p>
      {view.loading && !view.data && <Loading />}
      <ErrorMessage error={view.error} />
      <ul className="plain statutory-list">
        {view.data?.deadlines.map((d) => (
          <li key={d.report} className={`statutory statutory-${d.status}`} data-testid={`statutory-${d.report}`}>
            <h4>{t(`statutory_${d.report}` as MessageKey)}</h4>
            <dl className="facts">
              <dt>{t('statutoryDue')}</dt>
              <dd>{localDate(d.dueDate, lang)}</dd>
              <dt>{t('statutoryState')}</dt>
              <dd data-testid={`statutory-status-${d.report}`}>{t(`statutoryStatus_${d.status}` as MessageKey)}</dd>
              {d.submittedOn && (<><dt>{t('statutorySubmitted')}</dt><dd>{localDate(d.submittedOn, lang)}{d.evidence ? ` · ${d.evidence.filename}` : ''}</dd></>)}
              {d.escalationLevel > 0 && d.status !== 'submitted' && (<><dt>{t('statutoryEscalated', { level: d.escalationLevel })}</dt><dd /></>)}
            </dl>
            {d.cut && d.cut.percent > 0 && <p className="warn">{d.cut.forfeitsStageOne ? t('statutoryForfeit') : t('statutoryCut', { percent: d.cut.percent })}</p>}
            {canRecord && d.status !== 'submitted' && <RecordSubmission path={path} deadline={d} onRecorded={view.reload} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RecordSubmission({ path, deadline, onRecorded }: { path: string; deadline: StatutoryDeadlineView; onRecorded(): void }) {
  const { t } = useI18n();
  const [submittedOn, setSubmittedOn] = useState(todayIn());
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiFailure | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const fileId = `arkas-${deadline.report}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      await uploadFile(`${path}/${deadline.report}/submission`, file, { submittedOn });
      setDone(t('statutoryRecorded'));
      onRecorded();
    } catch (failure) {
      setError(failure as ApiFailure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} data-testid={`statutory-form-${deadline.report}`}>
      <TextField label={t('statutorySubmittedOn')} type="date" required value={submittedOn} onChange={(e) => setSubmittedOn(e.target.value)} />
      <div className="field">
        <label htmlFor={fileId}>{t('statutoryExport')}</label>
        <input id={fileId} type="file" required accept=".xlsx,.pdf,.csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <button type="submit" disabled={busy || !file}>{t('statutoryRecord')}</button>
      <ErrorMessage error={error} />
      <Notice text={done} />
    </form>
  );
}
