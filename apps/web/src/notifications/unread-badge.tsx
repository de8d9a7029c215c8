// The unread count in the header: a link to the notification centre, refreshed every minute,
// when the page gets focus again and whenever the inbox changes.
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { onUnreadChange } from './unread';

const POLL_MS = 60_000;

export function UnreadBadge() {
  const { t } = useI18n();
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      api.get<{ unread: number }>('/me/notifications/unread-count').then(
        (r) => alive && setUnread(r.unread),
        () => undefined, // the badge is a convenience: the page works without it
      );
    void load();
    const timer = setInterval(load, POLL_MS);
    window.addEventListener('focus', load);
    const off = onUnreadChange(setUnread);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('focus', load);
      off();
    };
  }, []);
  const n = unread ?? 0;
  return (
    <Link to="/notifications" className="unread-link" data-testid="unread-badge" data-unread={n}>
      {t('navNotifications')}
      {n > 0 && <span className="count-badge" aria-hidden="true">{n > 99 ? '99+' : n}</span>}
      <span className="sr-only"> ({t('unreadBadge', { n })})</span>
    </Link>
  );
}
