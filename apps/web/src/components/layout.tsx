import type { ReactNode } from 'react';
import { useI18n, type Lang } from '../i18n/i18n';
import { label } from '../i18n/labels';
import { Link, useLocation } from '../router';
import { useSession } from '../session';
import { UnreadBadge } from '../notifications/unread-badge';

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { session, signOut } = useSession();
  const { path } = useLocation();
  const user = session?.user;
  const school = user?.schoolIds[0];
  const nav = [
    { to: '/', text: t('navHome'), active: path === '/' },
    // A mentor's work is their campaigns: no program is theirs.
    ...(user?.roles.some((r) => r !== 'mentor') ? [{ to: '/programs', text: t('navPrograms'), active: path.startsWith('/programs') }] : []),
    { to: '/campaigns', text: t('navCampaigns'), active: path.startsWith('/campaigns') },
    ...(school ? [{ to: `/calendar/${school}/${new Date().getFullYear()}`, text: t('navCalendar'), active: path.startsWith('/calendar') }] : []),
    ...(user?.roles.some((r) => r === 'district_officer' || r === 'auditor' || r === 'admin') ? [{ to: '/dashboard', text: t('navDashboard'), active: path === '/dashboard' }] : []),
    ...(user?.roles.some((r) => r === 'district_officer' || r === 'admin') ? [{ to: '/policies', text: lang === 'en' ? 'Policies' : 'Kebijakan', active: path === '/policies' }] : []),
    ...(user?.roles.includes('admin') ? [{ to: '/admin/users', text: lang === 'en' ? 'Admin' : 'Admin', active: path.startsWith('/admin') }] : []),
    ...(user?.roles.some((r) => r === 'district_officer' || r === 'admin') ? [{ to: '/schools', text: lang === 'en' ? 'Schools' : 'Sekolah', active: path === '/schools' }] : []),
  ];
  return (
    <>
      <a className="skip-link" href="#main">{t('skipToContent')}</a>
      <header className="topbar">
        <Link to="/" className="brand">{t('appName')}</Link>
        {user && !session.mustChangePassword && (
          <nav aria-label="Menu">
            <ul className="nav">
              {nav.map((n) => (
                <li key={n.to}>
                  <Link to={n.to} aria-current={n.active ? 'page' : undefined}>{n.text}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="topbar-right">
          <label className="lang">
            <span className="sr-only">{t('language')}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t('language')}>
              <option value="id">Bahasa Indonesia</option>
              <option value="en">English</option>
            </select>
          </label>
          {user && (
            <>
              {!session.mustChangePassword && <UnreadBadge />}
              {!session.mustChangePassword && <Link to="/account" aria-current={path === '/account' ? 'page' : undefined}>{t('navAccount')}</Link>}
              <span className="who" data-testid="current-user">
                {user.name ?? user.userId} · {user.roles.map((r) => label('role', r, lang)).join(', ')}
              </span>
              <button type="button" className="link-button" onClick={signOut}>{t('logout')}</button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
