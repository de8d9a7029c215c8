// A school's follow-up plan (RTL): actions, each with its person in charge and due date.
import { useState, type FormEvent } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import type { RtlAction } from '../api/types';
import { ErrorMessage } from '../components/feedback';
import { TextField } from '../components/field';
import { useI18n } from '../i18n/i18n';
import { useAction } from '../use-async';

type Draft = Omit<RtlAction, 'id'>;
const empty = (): Draft => ({ action: '', owner: '', dueDate: '' });

export function RtlForm({ path, onDone }: { path: string; onDone(): void }) {
  const { t } = useI18n();
  const [actions, setActions] = useState<Draft[]>([empty()]);
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? [], 'actions.');
  const set = (i: number, patch: Partial<Draft>) => setActions(actions.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { actions: actions.map((a, i) => ({ id: `a${i + 1}`, action: a.action.trim(), owner: a.owner.trim(), dueDate: a.dueDate })) };
    if ((await run(() => api.post(path, body))) !== undefined) onDone();
  };

  return (
    <form className="card inner" onSubmit={onSubmit} noValidate>
      <ol className="plain">
        {actions.map((a, i) => (
          <li key={i} className="row">
            <TextField label={t('rtlAction', { n: i + 1 })} value={a.action} issue={issues.get(`${i}.action`)} onChange={(e) => set(i, { action: e.target.value })} />
            <TextField label={t('rtlOwner', { n: i + 1 })} value={a.owner} issue={issues.get(`${i}.owner`)} onChange={(e) => set(i, { owner: e.target.value })} />
            <TextField label={t('rtlDue', { n: i + 1 })} type="date" value={a.dueDate} issue={issues.get(`${i}.dueDate`)} onChange={(e) => set(i, { dueDate: e.target.value })} />
          </li>
        ))}
      </ol>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" onClick={() => setActions([...actions, empty()])}>{t('addRtlAction')}</button>
        <button type="submit" className="primary" disabled={busy}>{t('submitRtl')}</button>
      </div>
    </form>
  );
}
