import { hasRole, type Actor } from '@mutu/domain';
import type { DataSource } from 'typeorm';
import { notFound } from './api-error';

export interface SchoolRow {
  school_id: string;
  region_id: string;
  name: string;
  time_zone: string;
}

/** The school when it is in the caller's scope (admin, its own school, its region); else 404. */
export async function schoolInScope(ds: DataSource, actor: Actor, schoolId: string): Promise<SchoolRow> {
  const [school]: SchoolRow[] = await ds.query('SELECT school_id, region_id, name, time_zone FROM schools WHERE school_id = $1', [schoolId]);
  const inScope = school && (hasRole(actor, 'admin') || actor.schoolIds.includes(schoolId) || actor.regionIds.includes(school.region_id));
  if (!inScope) throw notFound('school');
  return school;
}
