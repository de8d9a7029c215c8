// Program list with filters (school, year, stage, overdue) kept in the URL, and cursor paging.
import { useState, type FormEvent } from 'react';
import { api, query } from '../api/client';
import { itemsOf, toListItem, type ProgramListItem } from '../api/types';
import { ErrorMessage, Loading, ProgressBar } from '../components/feedback';
import { SelectField, TextField } from '../components/field';
import { localDate, todayIn } from '../format';
import { useI18n } from '../i18n/i18n';
import { label, STAGES } from '../i18n/labels';
import { Link, navigate, useLocation } from '../router';
import { hasRole, useSession } from '../session';
import { useAction, useAsync } from '../use-async';
import { CreateProgramForm } from './create-program.form';
import { schoolText } from '../program/people';

interface SchoolRow {
  schoolId: string;
  name: string;
  npsn: string | null;
}

export function ProgramsPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { search } = useLocation();
  const filters = {
    schoolId: search.get('schoolId') ?? '',
    budgetYear: search.get('budgetYear') ?? '',
    stage: search.get('stage') ?? '',
    overdue: search.get('overdue') === 'true',
  };
  const [draft, setDraft] = useState(filters);
  const key = JSON.stringify(filters);
  // New filters in the URL (a link, back or forward) replace the form's draft, in this render.
  const [draftKey, setDraftKey] = useState(key);
  if (draftKey !== key) {
    setDraftKey(key);
    setDraft(filters);
  }

  const [extra, setExtra] = useState<ProgramListItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const page = useAsync(async () => {
    const body = await api.get<{ items: unknown[]; nextCursor?: string | null }>(
      `/programs${query({ ...filters, overdue: filters.overdue || undefined, limit: 25 })}`,
    );
    setExtra([]);
    setCursor(body.nextCursor ?? null);
    return itemsOf(body).map(toListItem);
  }, [key]);
  const more = useAction();

  const loadMore = () =>
    more.run(async () => {
      const body = await api.get<{ items: unknown[]; nextCursor?: string | null }>(
        `/programs${query({ ...filters, overdue: filters.overdue || undefined, limit: 25, cursor })}`,
      );
      setExtra((e) => [...e, ...itemsOf(body).map(toListItem)]);
      setCursor(body.nextCursor ?? null);
    });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/programs${query({ ...draft, overdue: draft.overdue || undefined })}`);
  };

  const items = [...(page.data ?? []), ...extra];
  const today = todayIn();
  const canCreate = hasRole(session, 'principal') || hasRole(session, 'qa_team');
  const schools = session?.user.schoolIds ?? [];
  // Names and NPSN for the schools in scope: lists show them, not ids (the id stays the fallback).
  const directory = useAsync(async () => (await api.get<{ items: SchoolRow[] }>('/schools')).items, []);
  const schoolOf = (id: string) => schoolText(directory.data?.find((s) => s.schoolId === id) ?? null, id);

  return (
    <section aria-labelledby="programs-title">
      <h1 id="programs-title">{t('programsTitle')}</h1>
      <form className="filters" onSubmit={apply} aria-label={t('apply')}>
        {schools.length > 0 ? (
          <SelectField label={t('filterSchool')} value={draft.schoolId} onChange={(e) => setDraft({ ...draft, schoolId: e.target.value })}
            options={[{ value: '', text: t('allSchools') }, ...schools.map((s) => ({ value: s, text: schoolOf(s) }))]} />
        ) : (
          <TextField label={t('filterSchool')} value={draft.schoolId} onChange={(e) => setDraft({ ...draft, schoolId: e.target.value })} />
        )}
        <TextField label={t('filterYear')} type="number" inputMode="numeric" min={2000} max={2100} value={draft.budgetYear}
          onChange={(e) => setDraft({ ...draft, budgetYear: e.target.value })} />
        <SelectField label={t('filterStage')} value={draft.stage} onChange={(e) => setDraft({ ...draft, stage: e.target.value })}
          options={[{ value: '', text: t('allStages') }, ...[...STAGES, 'cancelled'].map((s) => ({ value: s, text: label('stage', s, lang) }))]} />
        <label className="check">
          <input type="checkbox" checked={draft.overdue} onChange={(e) => setDraft({ ...draft, overdue: e.target.checked })} />
          {t('filterOverdue')}
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      {canCreate && <CreateProgramForm schools={schools} />}
      {page.loading && !page.data && <Loading />}
      <ErrorMessage error={page.error} />
      {page.data && items.length === 0 && <p>{t('noPrograms')}</p>}
      <ul className="program-list" data-testid="program-list">
        {items.map((p) => {
          const late = p.overdue || (p.nextDueDate !== null && p.nextDueDate < today);
          return (
            <li key={p.programId} className={`program-card${late ? ' overdue' : ''}`}>
              <Link to={`/programs/${p.programId}`} className="program-title">{p.title}</Link>
              <span className="muted">
                {schoolOf(p.schoolId)} · {p.budgetYear} · {label('stage', p.stage, lang)}
                {p.nextDueDate ? ` · ${t('dueOn', { date: localDate(p.nextDueDate, lang) })}` : ''}
                {late ? ` · ${t('overdue')}` : ''}
              </span>
              <ProgressBar value={p.progress} label={`${t('progress')}: ${p.title}`} />
            </li>
          );
        })}
      </ul>
      <ErrorMessage error={more.error} />
      {cursor && <button type="button" onClick={() => void loadMore()} disabled={more.busy}>{t('loadMore')}</button>}
    </section>
  );
}
