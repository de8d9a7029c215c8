// Demo data for the seed mentoring campaign (pendampingan budaya mutu, LPMP DKI Jakarta): 60 primary
// schools in Jakarta Timur (15 core schools, each with 3 impact schools), the organiser, the
// mentoring team (5 widyaiswara, 7 FPMP staff: role mentor) and the 15 core schools' principals.
// docs/examples/pendampingan-budaya-mutu.csv imports a campaign over exactly these.
import bcrypt from 'bcryptjs';
import type { DataSource } from 'typeorm';

const REGION = 'reg-jaktim';

/** Kelurahan of Jakarta Timur with the school number; NPSN 20110001… in this order. */
const SCHOOL_NAMES = [
  'Cakung Barat 01', 'Cakung Timur 03', 'Jatinegara 05', 'Penggilingan 02',
  'Pulo Gebang 04', 'Rawa Terate 01', 'Ujung Menteng 02', 'Cipinang Besar Utara 07',
  'Pondok Bambu 03', 'Duren Sawit 06', 'Pondok Kelapa 01', 'Pondok Kopi 04',
  'Malaka Jaya 02', 'Malaka Sari 01', 'Klender 09', 'Bali Mester 01',
  'Bidara Cina 04', 'Cipinang Cempedak 02', 'Kampung Melayu 03', 'Rawa Bunga 01',
  'Cawang 05', 'Cililitan 03', 'Kramat Jati 02', 'Batu Ampar 01',
  'Bale Kambang 02', 'Kampung Tengah 06', 'Dukuh 01', 'Tengah 03',
  'Makasar 02', 'Kebon Pala 04', 'Pinang Ranti 01', 'Cipinang Melayu 05',
  'Kebon Manggis 01', 'Pal Meriam 02', 'Pisangan Baru 03', 'Utan Kayu Selatan 01',
  'Utan Kayu Utara 04', 'Kayu Manis 02', 'Cijantung 01', 'Gedong 03',
  'Kalisari 02', 'Pekayon 05', 'Jati 01', 'Jatinegara Kaum 02',
  'Kayu Putih 03', 'Pisangan Timur 07', 'Pulo Gadung 01', 'Rawamangun 12',
  'Cibubur 04', 'Ciracas 01', 'Kelapa Dua Wetan 02', 'Rambutan 03',
  'Susukan 01', 'Bambu Apus 02', 'Ceger 01', 'Cilangkap 03',
  'Lubang Buaya 05', 'Munjul 01', 'Pondok Ranggon 02', 'Setu 01',
] as const;

export const DEMO_CAMPAIGN_SCHOOLS = SCHOOL_NAMES.map((n, i) => ({
  schoolId: `sch-sdn-${n.toLowerCase().replace(/ /g, '-')}`,
  regionId: REGION,
  name: `SD Negeri ${n}`,
  npsn: String(20110001 + i),
  level: 'SD',
}));

const TRAINERS = ['Dr. Hadi Susanto, M.Pd.', 'Dra. Sri Wahyuni, M.Pd.', 'Drs. Ahmad Fauzi, M.Si.', 'Dr. Retno Palupi, M.Pd.', 'Ir. Budi Hartono, M.T.'];
const STAFF = ['Rudi Hermawan', 'Nur Aisyah', 'Fajar Nugroho', 'Wulan Sari', 'Andi Saputra', 'Yuliana Putri', 'Eko Prasetyo'];
const PRINCIPALS = [
  'Ibu Sri Mulyani', 'Bapak Ahmad Yani', 'Ibu Endang Susilowati', 'Bapak Slamet Riyadi', 'Ibu Kartini Dewi',
  'Bapak Sugeng Haryanto', 'Ibu Tuti Alawiyah', 'Bapak Haryono', 'Ibu Nining Suryani', 'Bapak Iwan Setiawan',
  'Ibu Rahmawati', 'Bapak Dadang Suherman', 'Ibu Yeni Marlina', 'Bapak Teguh Santoso', 'Ibu Wiwik Handayani',
];

const district = (userId: string, email: string, name: string) => ({ userId, email, name, roles: ['district_officer'], schoolIds: [] as string[], regionIds: [REGION] });
// Trainers and agency staff are mentors: campaign members with no program powers. Their region is
// where they work (the campaign import finds team members there), not a program scope.
const mentor = (userId: string, email: string, name: string) => ({ userId, email, name, roles: ['mentor'], schoolIds: [] as string[], regionIds: [REGION] });
const MENTOR_IDS = [...TRAINERS.map((_, i) => `u-widyaiswara-${i + 1}`), ...STAFF.map((_, i) => `u-fpmp-${i + 1}`)];
const pad = (n: number) => String(n).padStart(2, '0');

export const DEMO_CAMPAIGN_USERS = [
  district('u-lpmp', 'lpmp@demo.mutu.id', 'Ibu Rina Wulandari (LPMP DKI Jakarta)'),
  ...TRAINERS.map((n, i) => mentor(`u-widyaiswara-${i + 1}`, `widyaiswara${i + 1}@demo.mutu.id`, n)),
  ...STAFF.map((n, i) => mentor(`u-fpmp-${i + 1}`, `fpmp${i + 1}@demo.mutu.id`, n)),
  // The core school of cluster k is school 4(k-1)+1 of the list.
  ...PRINCIPALS.map((n, i) => ({
    userId: `u-kepsek-inti-${pad(i + 1)}`,
    email: `kepsek.inti${pad(i + 1)}@demo.mutu.id`,
    name: n,
    roles: ['principal'],
    schoolIds: [DEMO_CAMPAIGN_SCHOOLS[i * 4].schoolId],
    regionIds: [] as string[],
  })),
];

/** A DataSource or a transaction's EntityManager. */
export type SeedQueryRunner = Pick<DataSource, 'query'>;

/** Idempotent: inserts what is missing (ON CONFLICT DO NOTHING), never overwrites. Returns the users it created. */
export async function seedCampaignDemoData(ds: SeedQueryRunner, password: string): Promise<number> {
  await ds.query(
    `INSERT INTO schools (school_id, region_id, name, npsn, level)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING`,
    [
      DEMO_CAMPAIGN_SCHOOLS.map((s) => s.schoolId),
      DEMO_CAMPAIGN_SCHOOLS.map((s) => s.regionId),
      DEMO_CAMPAIGN_SCHOOLS.map((s) => s.name),
      DEMO_CAMPAIGN_SCHOOLS.map((s) => s.npsn),
      DEMO_CAMPAIGN_SCHOOLS.map((s) => s.level),
    ],
  );
  // Databases seeded before the mentor role gave the mentors the district office's role: only that
  // exact old grant is corrected, a role an admin chose since is left alone.
  await ds.query(`UPDATE users SET roles = '{mentor}' WHERE user_id = ANY($1::text[]) AND roles = '{district_officer}'`, [MENTOR_IDS]);
  const existing: { user_id: string }[] = await ds.query('SELECT user_id FROM users WHERE user_id = ANY($1::text[])', [DEMO_CAMPAIGN_USERS.map((u) => u.userId)]);
  const have = new Set(existing.map((u) => u.user_id));
  const missing = DEMO_CAMPAIGN_USERS.filter((u) => !have.has(u.userId));
  if (missing.length === 0) return 0;
  // One hash for all of them: bcrypt is slow on purpose, and they share the demo password.
  const hash = await bcrypt.hash(password, 10);
  let created = 0;
  for (const u of missing) {
    const rows: unknown[] = await ds.query(
      `INSERT INTO users (user_id, email, name, password_hash, roles, school_ids, region_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING user_id`,
      [u.userId, u.email, u.name, hash, u.roles, u.schoolIds, u.regionIds],
    );
    created += rows.length;
  }
  return created;
}
