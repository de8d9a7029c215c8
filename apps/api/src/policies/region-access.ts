import { hasRole, type Actor } from '@mutu/domain';
import type { DataSource } from 'typeorm';
import { notFound } from '../common/api-error';

export interface SchoolOfRegion {
  schoolId: string;
  name: string;
}

/**
 * A region the actor may see: admins see every region, others a region they are scoped to or
 * one of whose schools they belong to. Anything else answers 404, like a region that does not exist.
 */
export async function visibleRegion(ds: DataSource, actor: Actor, regionId: string, opts: { edit: boolean }): Promise<SchoolOfRegion[]> {
  const regions: { region_id: string }[] = await ds.query('SELECT region_id FROM regions WHERE region_id = $1', [regionId]);
  if (regions.length === 0) throw notFound('region');
  const schools: { school_id: string; name: string }[] = await ds.query(
    'SELECT school_id, name FROM schools WHERE region_id = $1 ORDER BY school_id',
    [regionId],
  );
  const admin = hasRole(actor, 'admin');
  const byRegion = actor.regionIds.includes(regionId);
  // Editors act for the region; readers may also see it through one of its schools.
  const bySchool = !opts.edit && schools.some((s) => actor.schoolIds.includes(s.school_id));
  if (!admin && !byRegion && !bySchool) throw notFound('region');
  return schools.map((s) => ({ schoolId: s.school_id, name: s.name }));
}
