// A region of its own for the dashboard and template tests (run on an isolated database): three
// schools with sub-districts, its district officer and the first school's principal.
import { DEMO_PASSWORD } from '@mutu/persistence';
import type { DataSource } from 'typeorm';
import type { TestStack } from '../support/stack';
import { http, type HttpResult } from './api-helpers';

export const DASH_REGION = 'reg-1';
export const DASH_SCHOOLS = [
  { schoolId: 'sch-1', name: 'SD Negeri Uji 1', level: 'SD', subDistrict: 'Jatinegara' },
  { schoolId: 'sch-2', name: 'SD Negeri Uji 2', level: 'SD', subDistrict: 'Cakung' },
  { schoolId: 'sch-3', name: 'SMP Negeri Uji 3', level: 'SMP', subDistrict: 'Jatinegara' },
];

/** Region reg-1 with three schools, its district officer and sch-1's principal, made over the admin API. */
export async function seedDashboardRegion(stack: TestStack, db: DataSource, admin: string): Promise<{ district: string; principal: string }> {
  const ok = (r: HttpResult) => {
    if (r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  };
  ok(await http(stack, admin, 'POST', '/admin/regions', { regionId: DASH_REGION, name: 'Kabupaten Uji' }));
  for (const s of DASH_SCHOOLS) {
    ok(await http(stack, admin, 'POST', '/admin/schools', { schoolId: s.schoolId, regionId: DASH_REGION, name: s.name, level: s.level }));
    await db.query('UPDATE schools SET sub_district = $2 WHERE school_id = $1', [s.schoolId, s.subDistrict]);
  }
  const user = (userId: string, email: string, roles: string[], scope: Record<string, string[]>) =>
    http(stack, admin, 'POST', '/admin/users', { userId, email, name: userId, password: DEMO_PASSWORD, roles, ...scope });
  ok(await user('u-dinas-uji', 'dinas.uji@demo.mutu.id', ['district_officer'], { regionIds: [DASH_REGION] }));
  ok(await user('u-kepsek-uji', 'kepsek.uji@demo.mutu.id', ['principal'], { schoolIds: ['sch-1'] }));
  return { district: await stack.login('dinas.uji@demo.mutu.id'), principal: await stack.login('kepsek.uji@demo.mutu.id') };
}

