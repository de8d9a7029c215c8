// The in-app inbox: newest first, each unread one with its own "mark read", and "mark all read".
import { api } from '../api/client';
import { ErrorMessage, Loading } from '../components/feedback';
import { dateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useAction, useAsync } from '../use-async';
import { announceUnread } from './unread';

interface InboxItem {
  id: string;
  programId: string;
  subject: string;
  text: string;
  createdAt: string;
  read: boolean;
}

export function InboxList() {
  const { t, lang } = useI18n();
  const inbox = useAsync(() => api.get<{ items: InboxItem[] }>('/me/notifications?limit=100'), [lang]);
  const action = useAction();
  const items = inbox.data?.items ?? [];

  const mark = async (path: string, body: unknown) => {
    const r = await action.run(() => api.post<{ unread: number }>(path, body));
    if (!r) return;
    announceUnread(r.unread);
    inbox.reload();
  };

  return (
    <section className="card" aria-labelledby="inbox-title">
      <h2 id="inbox-title">{t('inboxTitle')}</h2>
      {inbox.loading && !inbox.data && <Loading />}
      <ErrorMessage error={inbox.error ?? action.error} />
      {items.some((i) => !i.read) && (
        <button type="button" onClick={() => mark('/me/notifications/read-all', {})} disabled={action.busy}>{t('markAllRead')}</button>
      )}
      {inbox.data && items.length === 0 && <p className="muted">{t('inboxNoNotifications')}</p>}
      <ul className="notification-list" data-testid="notification-list">
        {items.map((n) => (
          <li key={n.id} className={n.read ? 'read' : 'unread'} data-read={n.read}>
            <p className="notification-subject">
              <span className="sr-only">{n.read ? t('readLabel') : t('unreadLabel')}: </span>
              {n.read ? n.subject : <strong>{n.subject}</strong>}
            </p>
            <p className="muted">{n.text}</p>
            <p className="notification-meta">
              <span className="muted">{dateTime(n.createdAt, lang)}</span> · <Link to={`/programs/${n.programId}`}>{n.programId}</Link>
              {!n.read && (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => mark('/me/notifications/read', { ids: [n.id] })} disabled={action.busy}>
                    {t('markRead')}
                    <span className="sr-only">: {n.subject}</span>
                  </button>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
