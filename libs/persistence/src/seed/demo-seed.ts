import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { DataSource } from 'typeorm';
import type { Config } from '@mutu/config';
import { seedCampaignDemoData, type SeedQueryRunner } from './campaign-demo-seed';
import { NATIONAL_DAYS_OFF } from '../deadlines/national-days-off';
import { seedNationalDaysOff } from '../deadlines/national-days-off.seed';

export * from './campaign-demo-seed';

/** The README's demo password: development and tests only, never production. */
export const DEMO_PASSWORD = 'mutu-demo-2026';

export const DEMO_REGION = { regionId: 'reg-jaktim', name: 'Kota Administrasi Jakarta Timur' };
export const DEMO_OTHER_REGION = { regionId: 'reg-bdg', name: 'Kota Bandung' };
export const DEMO_SCHOOLS = [
  { schoolId: 'sch-sdn-cipinang-01', regionId: 'reg-jaktim', name: 'SD Negeri Cipinang 01', npsn: '20100001', level: 'SD' },
  { schoolId: 'sch-smpn-duren-02', regionId: 'reg-jaktim', name: 'SMP Negeri Duren Sawit 02', npsn: '20100002', level: 'SMP' },
  { schoolId: 'sch-sdn-coblong-03', regionId: 'reg-bdg', name: 'SD Negeri Coblong 03', npsn: '20200003', level: 'SD' },
];

const S1 = 'sch-sdn-cipinang-01';

/** One user per role for the demo school, plus a second committee member and supervisor. */
export const DEMO_USERS = [
  { userId: 'u-principal', email: 'kepsek@demo.mutu.id', name: 'Ibu Siti Rahmawati', roles: ['principal'], schoolIds: [S1], regionIds: [] },
  { userId: 'u-qa', email: 'tpmps@demo.mutu.id', name: 'Bapak Agus Santoso', roles: ['qa_team'], schoolIds: [S1], regionIds: [] },
  { userId: 'u-staff', email: 'guru@demo.mutu.id', name: 'Ibu Dewi Lestari', roles: ['staff'], schoolIds: [S1], regionIds: [] },
  { userId: 'u-committee-1', email: 'komite1@demo.mutu.id', name: 'Bapak Hendra Wijaya', roles: ['committee'], schoolIds: [S1], regionIds: [] },
  { userId: 'u-committee-2', email: 'komite2@demo.mutu.id', name: 'Ibu Ratna Sari', roles: ['committee'], schoolIds: [S1], regionIds: [] },
  { userId: 'u-committee-3', email: 'komite3@demo.mutu.id', name: 'Bapak Yusuf Hidayat', roles: ['committee'], schoolIds: [S1], regionIds: [] },
  { userId: 'u-supervisor', email: 'pengawas@demo.mutu.id', name: 'Bapak Bambang Sutrisno', roles: ['supervisor'], schoolIds: [], regionIds: ['reg-jaktim'] },
  { userId: 'u-supervisor-2', email: 'pengawas2@demo.mutu.id', name: 'Ibu Lina Marlina', roles: ['supervisor'], schoolIds: [], regionIds: ['reg-jaktim'] },
  // A supervisor of the region who is not assigned to the demo school (see DEMO_SUPERVISOR_ASSIGNMENTS).
  { userId: 'u-supervisor-3', email: 'pengawas3@demo.mutu.id', name: 'Bapak Rudi Hartanto', roles: ['supervisor'], schoolIds: [], regionIds: ['reg-jaktim'] },
  { userId: 'u-district', email: 'dinas@demo.mutu.id', name: 'Bapak Joko Prasetyo', roles: ['district_officer'], schoolIds: [], regionIds: ['reg-jaktim'] },
  { userId: 'u-auditor', email: 'auditor@demo.mutu.id', name: 'Ibu Maya Anggraini', roles: ['auditor'], schoolIds: [], regionIds: ['reg-jaktim'] },
  { userId: 'u-admin', email: 'admin@demo.mutu.id', name: 'Admin Mutu', roles: ['admin'], schoolIds: [], regionIds: [] },
  { userId: 'u-principal-bdg', email: 'kepsek.bdg@demo.mutu.id', name: 'Bapak Dedi Kurniawan', roles: ['principal'], schoolIds: ['sch-sdn-coblong-03'], regionIds: [] },
] as const;

/**
 * Assigned supervisors (pengawas binaan) of the demo schools: the demo school's are the two its
 * approvals have always come from; u-supervisor-3 answers for the SMP. The 60 campaign schools have
 * none, so their programs fall back to every supervisor of the region.
 */
export const DEMO_SUPERVISOR_ASSIGNMENTS: readonly { schoolId: string; userIds: readonly string[] }[] = [
  { schoolId: S1, userIds: ['u-supervisor', 'u-supervisor-2'] },
  { schoolId: 'sch-smpn-duren-02', userIds: ['u-supervisor-3'] },
];

export interface DemoSeedOptions {
  NODE_ENV?: Config['NODE_ENV'];
  /** The password for the demo users it creates; production generates one when this is unset. */
  DEMO_PASSWORD?: string;
  log?: (line: string) => void;
}

export interface DemoSeedResult {
  /** Where the password of the users created now came from. */
  password: 'readme' | 'DEMO_PASSWORD' | 'generated';
  usersCreated: number;
}

/** The password new demo users get: never the README's in production (config refuses it too). */
export function demoPasswordFor(opts: DemoSeedOptions): { password: string; source: DemoSeedResult['password'] } {
  if (opts.NODE_ENV === 'production') {
    if (opts.DEMO_PASSWORD?.toLowerCase() === DEMO_PASSWORD) throw new Error("DEMO_PASSWORD must not be the README's demo password in production");
    if (opts.DEMO_PASSWORD) return { password: opts.DEMO_PASSWORD, source: 'DEMO_PASSWORD' };
    return { password: randomBytes(18).toString('base64url'), source: 'generated' };
  }
  return opts.DEMO_PASSWORD ? { password: opts.DEMO_PASSWORD, source: 'DEMO_PASSWORD' } : { password: DEMO_PASSWORD, source: 'readme' };
}

/**
 * Idempotent: inserts what is missing, never overwrites what an admin changed. One seeding at a
 * time (an advisory lock), so replicas booting together agree on who created the users; a
 * generated password is printed once, by the process whose transaction created them.
 */
export async function seedDemoData(ds: DataSource, opts: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  const { password, source } = demoPasswordFor(opts);
  const usersCreated = await ds.transaction(async (m) => {
    await m.query("SELECT pg_advisory_xact_lock(hashtext('mutu-demo-seed'))");
    // National holidays and collective leave of every decreed year, once (admin edits stay).
    for (const { year } of NATIONAL_DAYS_OFF) await seedNationalDaysOff(m, year, 'system', { oncePerYear: true });
    return seedInTransaction(m, password);
  });
  if (opts.NODE_ENV === 'production' && usersCreated > 0) {
    opts.log?.(
      source === 'generated'
        ? `demo data: created ${usersCreated} demo users with the generated password ${password} (shown only this once; set DEMO_PASSWORD to choose it)`
        : `demo data: created ${usersCreated} demo users with DEMO_PASSWORD`,
    );
  }
  return { password: source, usersCreated };
}

async function seedInTransaction(q: SeedQueryRunner, password: string): Promise<number> {
  for (const r of [DEMO_REGION, DEMO_OTHER_REGION]) {
    await q.query('INSERT INTO regions (region_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [r.regionId, r.name]);
  }
  for (const s of DEMO_SCHOOLS) {
    await q.query(
      'INSERT INTO schools (school_id, region_id, name, npsn, level) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      [s.schoolId, s.regionId, s.name, s.npsn, s.level],
    );
  }
  let created = await seedCampaignDemoData(q, password);
  const existing: { user_id: string }[] = await q.query('SELECT user_id FROM users WHERE user_id = ANY($1::text[])', [DEMO_USERS.map((u) => u.userId)]);
  const have = new Set(existing.map((u) => u.user_id));
  const missing = DEMO_USERS.filter((u) => !have.has(u.userId));
  const hash = missing.length > 0 ? await bcrypt.hash(password, 10) : '';
  for (const u of missing) {
    const rows: unknown[] = await q.query(
      `INSERT INTO users (user_id, email, name, password_hash, roles, school_ids, region_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING user_id`,
      [u.userId, u.email, u.name, hash, u.roles, u.schoolIds, u.regionIds],
    );
    created += rows.length;
  }
  await seedSupervisorAssignments(q);
  return created;
}

/**
 * Assigns the demo schools' supervisors once: a school that has assignments, or whose assignments
 * someone has ever set (a SchoolSupervisorsSet event, even one that cleared them), is left alone.
 */
async function seedSupervisorAssignments(q: SeedQueryRunner): Promise<void> {
  for (const a of DEMO_SUPERVISOR_ASSIGNMENTS) {
    await q.query(
      `INSERT INTO school_supervisors (school_id, user_id, assigned_by)
       SELECT $1, u.user_id, 'demo-seed' FROM users u
        WHERE u.user_id = ANY($2::text[])
          AND EXISTS (SELECT 1 FROM schools WHERE school_id = $1)
          AND NOT EXISTS (SELECT 1 FROM school_supervisors WHERE school_id = $1)
          AND NOT EXISTS (SELECT 1 FROM events WHERE stream_id = 'admin' AND type = 'SchoolSupervisorsSet' AND data->>'schoolId' = $1)
       ON CONFLICT DO NOTHING`,
      [a.schoolId, a.userIds],
    );
  }
}
