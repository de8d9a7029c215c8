// The notification centre: my inbox and my notification preferences.
import { useI18n } from '../i18n/i18n';
import { InboxList } from '../notifications/inbox-list';
import { PreferencesForm } from '../notifications/preferences-form';

export function NotificationsPage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t('notificationsTitle')}</h1>
      <InboxList />
      <section className="card" aria-labelledby="preferences-title">
        <h2 id="preferences-title">{t('preferencesTitle')}</h2>
        <PreferencesForm />
      </section>
    </section>
  );
}
