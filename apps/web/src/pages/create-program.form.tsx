import { useState, type FormEvent } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import { ErrorMessage } from '../components/feedback';
import { SelectField, TextField } from '../components/field';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';
import { useAction } from '../use-async';

export function CreateProgramForm({ schools }: { schools: string[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [schoolId, setSchoolId] = useState(schools[0] ?? '');
  const [budgetYear, setBudgetYear] = useState(String(new Date().getFullYear()));
  const [title, setTitle] = useState('');
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await run(() =>
      api.post<{ programId: string }>('/programs', { schoolId, budgetYear: Number(budgetYear), title: title.trim() }),
    );
    if (created) navigate(`/programs/${created.programId}?tab=plan`);
  };

  if (!open) {
    return <button type="button" className="primary" onClick={() => setOpen(true)}>{t('newProgram')}</button>;
  }
  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="create-title" noValidate>
      <h2 id="create-title">{t('newProgram')}</h2>
      <SelectField label={t('school')} value={schoolId} onChange={(e) => setSchoolId(e.target.value)} issue={issues.get('schoolId')}
        options={schools.map((s) => ({ value: s, text: s }))} />
      <TextField label={t('filterYear')} type="number" inputMode="numeric" value={budgetYear} onChange={(e) => setBudgetYear(e.target.value)} issue={issues.get('budgetYear')} />
      <TextField label={t('title')} name="title" value={title} onChange={(e) => setTitle(e.target.value)} issue={issues.get('title')} />
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{t('createProgram')}</button>
        <button type="button" onClick={() => setOpen(false)}>{t('cancel')}</button>
      </div>
    </form>
  );
}
