// The change-password form of the account page and of the forced change after an admin reset.
import { useState, type FormEvent } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api, writeSession, type Session } from '../api/client';
import { ErrorMessage } from '../components/feedback';
import { TextField } from '../components/field';
import { useI18n } from '../i18n/i18n';
import { useAction } from '../use-async';

export function PasswordForm({ currentLabel, onChanged }: { currentLabel: string; onChanged(session: Session): void }) {
  const { t } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setMismatch(newPassword !== confirm);
    if (newPassword !== confirm) return;
    const session = await run(() => api.post<Session>('/me/password', { currentPassword, newPassword }));
    if (!session) return;
    writeSession(session);
    setCurrent('');
    setNew('');
    setConfirm('');
    onChanged(session);
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="password-form">
      <TextField label={currentLabel} type="password" name="current-password" autoComplete="current-password" required value={currentPassword} onChange={(e) => setCurrent(e.target.value)} issue={issues.get('currentPassword')} />
      <TextField label={t('newPassword')} type="password" name="new-password" autoComplete="new-password" required minLength={10} hint={t('passwordRules')} value={newPassword} onChange={(e) => setNew(e.target.value)} issue={issues.get('newPassword')} />
      <TextField label={t('confirmPassword')} type="password" name="confirm-password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      {mismatch && <p className="error" role="alert">{t('passwordsDiffer')}</p>}
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy}>{t('changePassword')}</button>
    </form>
  );
}
