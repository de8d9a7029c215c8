import { useEffect } from 'react';
import { Layout } from './components/layout';
import { useI18n } from './i18n/i18n';
import { AccountPage } from './pages/account.page';
import { AuditPage } from './pages/audit.page';
import { CalendarPage } from './pages/calendar.page';
import { CampaignImportPage } from './pages/campaign-import.page';
import { CampaignPage } from './pages/campaign.page';
import { CampaignsPage } from './pages/campaigns.page';
import { DashboardPage } from './dashboard/dashboard.page';
import { ClusterPage } from './pages/cluster.page';
import { ForcedPasswordPage } from './pages/forced-password.page';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';
import { PoliciesPage } from './pages/policies.page';
import { NotificationsPage } from './pages/notifications.page';
import { ProgramPage } from './pages/program.page';
import { ProgramsPage } from './pages/programs.page';
import { AdminRoutes } from './admin/admin-routes';
import { SchoolsPage } from './schools/schools.page';
import { match, navigate, useLocation } from './router';
import { useSession } from './session';

function Routes() {
  const { t } = useI18n();
  const { path } = useLocation();
  const { session } = useSession();
  useEffect(() => {
    if (!session && path !== '/login') navigate('/login', true);
  }, [session, path]);
  // Move focus to the new page for screen readers and keyboard users.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);

  if (!session || path === '/login') return <LoginPage />;
  // After an admin reset the API answers nothing else until the password is changed.
  if (session.mustChangePassword) return <ForcedPasswordPage />;
  if (path === '/account') return <AccountPage />;
  if (path === '/notifications') return <NotificationsPage />;
  if (path === '/') return <HomePage />;
  if (path === '/programs') return <ProgramsPage />;
  let m = match('/programs/:id/audit', path);
  if (m) return <AuditPage programId={m.id!} />;
  m = match('/programs/:id', path);
  if (m) return <ProgramPage programId={m.id!} />;
  if (path === '/policies') return <PoliciesPage />;
  if (path === '/admin' || path.startsWith('/admin/')) return <AdminRoutes path={path} />;
  if (path === '/schools') return <SchoolsPage />;
  if (path === '/campaigns') return <CampaignsPage />;
  if (path === '/dashboard') return <DashboardPage />;
  if (path === '/campaigns/import') return <CampaignImportPage />;
  m = match('/campaigns/:campaignId/clusters/:clusterId', path);
  if (m) return <ClusterPage campaignId={m.campaignId!} clusterId={m.clusterId!} />;
  m = match('/campaigns/:campaignId', path);
  if (m) return <CampaignPage campaignId={m.campaignId!} />;
  m = match('/calendar/:schoolId/:year', path);
  if (m) return <CalendarPage schoolId={m.schoolId!} year={Number(m.year)} />;
  return <p>{t('notFoundPage')}</p>;
}

export function App() {
  return (
    <Layout>
      <Routes />
    </Layout>
  );
}
