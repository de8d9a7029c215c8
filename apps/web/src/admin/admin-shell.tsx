// The frame of every admin page: its title and the admin sections as a wrapping list of links.
import type { ReactNode } from 'react';
import { ApiFailure } from '../api/api-failure';
import { ErrorMessage } from '../components/feedback';
import { Link, useLocation } from '../router';
import { hasRole, useSession } from '../session';
import { useAdminText, type AdminKey } from './admin-text';
import './admin.css';

const SECTIONS: [string, AdminKey][] = [
  ['/admin/users', 'navUsers'],
  ['/admin/directory', 'navDirectory'],
  ['/admin/import', 'navImport'],
  ['/admin/calendar', 'navCalendar'],
  ['/admin/deadlines', 'navDeadlines'],
];

export function AdminShell({ title, children }: { title: AdminKey; children: ReactNode }) {
  const { a } = useAdminText();
  const { session } = useSession();
  const { path } = useLocation();
  if (!hasRole(session, 'admin')) return <ErrorMessage error={new ApiFailure(403, 'FORBIDDEN_ROLE', '')} />;
  return (
    <section aria-labelledby="admin-title" className="admin">
      <h1 id="admin-title">{a(title)}</h1>
      <nav aria-label={a('adminNav')}>
        <ul className="admin-nav">
          {SECTIONS.map(([to, key]) => (
            <li key={to}>
              <Link to={to} aria-current={path === to ? 'page' : undefined}>{a(key)}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </section>
  );
}

/** "a, b ,c" → ['a', 'b', 'c']. */
export const idList = (text: string): string[] => text.split(',').map((s) => s.trim()).filter(Boolean);
