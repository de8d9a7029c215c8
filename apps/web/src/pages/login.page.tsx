import { useState, type FormEvent } from 'react';
import { api, writeSession, type Session } from '../api/client';
import { ErrorMessage } from '../components/feedback';
import { TextField } from '../components/field';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';
import { useAction } from '../use-async';

export function LoginPage() {
  const { t, setLang } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const session = await run(() => api.post<Session>('/auth/login', { email, password }));
    if (!session) return;
    if (!localStorage.getItem('mutu.lang') && (session.user.locale === 'en' || session.user.locale === 'id')) setLang(session.user.locale);
    writeSession(session);
    navigate(session.mustChangePassword ? '/account/password' : '/', true);
  };

  return (
    <section className="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('loginTitle')}</h1>
      <p className="muted">{t('loginIntro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <TextField label={t('email')} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label={t('password')} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>{t('signIn')}</button>
      </form>
    </section>
  );
}
