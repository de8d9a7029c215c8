// The region an admin page works on (the first one until another is chosen).
import { api } from '../api/client';
import { SelectField } from '../components/field';
import { useAsync } from '../use-async';
import { useAdminText } from './admin-text';
import type { AdminRegion } from './directory.page';

export function useRegions() {
  return useAsync(() => api.get<AdminRegion[]>('/admin/regions'), []);
}

export function RegionPicker({ regions, value, onChange }: { regions: AdminRegion[]; value: string; onChange(regionId: string): void }) {
  const { a } = useAdminText();
  return <SelectField label={a('region')} value={value} options={regions.map((r) => ({ value: r.regionId, text: r.name }))} onChange={(e) => onChange(e.target.value)} />;
}
