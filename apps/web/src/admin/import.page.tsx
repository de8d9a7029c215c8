// Setting up a region from files: regions, then users (supervisors first), schools, then staff.
import { AdminShell } from './admin-shell';
import { useAdminText } from './admin-text';
import { ImportCard } from './import-card';

export function AdminImportPage() {
  const { a } = useAdminText();
  return (
    <AdminShell title="importTitle">
      <p>{a('importIntro')}</p>
      <ImportCard kind="regions" title="importRegions" />
      <ImportCard kind="schools" title="importSchools" />
      <ImportCard kind="users" title="importUsers" />
    </AdminShell>
  );
}
