// My account: change my password, sign out of every session.
import { useState } from 'react';
import { api } from '../api/client';
import { PasswordForm } from '../account/password-form';
import { ErrorMessage, Notice } from '../components/feedback';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { useAction } from '../use-async';

export function AccountPage() {
  const { t } = useI18n();
  const { session, signOut } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const everywhere = useAction();

  const signOutEverywhere = async () => {
    const done = await everywhere.run(() => api.post('/me/sessions/revoke'));
    if (done) signOut();
  };

  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t('accountTitle')}</h1>
      <p className="muted" data-testid="account-email">{session?.user.name} · {session?.user.email}</p>
      <p><Link to="/notifications">{t('notificationsTitle')}</Link></p>
      <section className="card" aria-labelledby="change-password-title">
        <h2 id="change-password-title">{t('changePasswordTitle')}</h2>
        <PasswordForm currentLabel={t('currentPassword')} onChanged={() => setNotice(t('passwordChanged'))} />
        <Notice text={notice} />
      </section>
      <section className="card" aria-labelledby="sign-out-everywhere-title">
        <h2 id="sign-out-everywhere-title">{t('signOutEverywhereTitle')}</h2>
        <p>{t('signOutEverywhereIntro')}</p>
        <ErrorMessage error={everywhere.error} />
        <button type="button" className="danger" disabled={everywhere.busy} onClick={signOutEverywhere}>{t('signOutEverywhere')}</button>
      </section>
    </section>
  );
}
