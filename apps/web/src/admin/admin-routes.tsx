// The admin console's pages under /admin (the users page first).
import { AdminCalendarPage } from './calendar.page';
import { AdminDeadlinesPage } from './deadlines.page';
import { AdminDirectoryPage } from './directory.page';
import { AdminImportPage } from './import.page';
import { AdminUsersPage } from './users.page';

export function AdminRoutes({ path }: { path: string }) {
  if (path === '/admin/directory') return <AdminDirectoryPage />;
  if (path === '/admin/import') return <AdminImportPage />;
  if (path === '/admin/calendar') return <AdminCalendarPage />;
  if (path === '/admin/deadlines') return <AdminDeadlinesPage />;
  return <AdminUsersPage />;
}
