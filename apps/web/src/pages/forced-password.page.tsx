// After an admin reset the API answers nothing but the password change: this screen is all the
// app shows until the user has chosen their own password.
import { PasswordForm } from '../account/password-form';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';

export function ForcedPasswordPage() {
  const { t } = useI18n();
  return (
    <section className="card narrow" aria-labelledby="forced-title">
      <h1 id="forced-title">{t('forcedChangeTitle')}</h1>
      <p>{t('forcedChangeIntro')}</p>
      <PasswordForm currentLabel={t('temporaryPassword')} onChanged={() => navigate('/', true)} />
    </section>
  );
}
