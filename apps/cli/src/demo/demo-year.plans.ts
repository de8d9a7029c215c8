// The demo budget year: what each demo school plans, how far each program has come, what it
// spent under which BOSP component, and which statutory reports it submitted. Dates are in the
// budget year; the runner leaves out what would lie after today.

export type DemoStage = 'plan' | 'submitted' | 'assign' | 'execute';

export interface DemoActivity {
  id: string;
  title: string;
  component: string;
  amount: number;
  /** MM-DD of the window. */
  from: string;
  to: string;
  /** Started in the execute stage (else left planned). */
  start?: boolean;
  /** [MM-DD, amount, payee] spent, each backed by a receipt. */
  spend?: [string, number, string][];
}

export interface DemoProgram {
  key: string;
  principal: string;
  /** The person in charge of every activity (a school without staff accounts: its principal). */
  personInCharge: string;
  staff: string;
  schoolId: string;
  title: string;
  standard: string;
  stage: DemoStage;
  activities: DemoActivity[];
}

const S1 = 'sch-sdn-cipinang-01';
/** Core schools of the demo mentoring campaign: school 4(k-1)+1 of its list, each with its principal. */
const CORE = ['sch-sdn-cakung-barat-01', 'sch-sdn-pulo-gebang-04', 'sch-sdn-pondok-bambu-03', 'sch-sdn-malaka-jaya-02', 'sch-sdn-bidara-cina-04'];
const inti = (n: number) => ({ principal: `kepsek.inti0${n}@demo.mutu.id`, personInCharge: `u-kepsek-inti-0${n}`, staff: `kepsek.inti0${n}@demo.mutu.id`, schoolId: CORE[n - 1] });

export const DEMO_PROGRAMS: DemoProgram[] = [
  {
    key: 'literasi', principal: 'kepsek@demo.mutu.id', personInCharge: 'u-staff', staff: 'guru@demo.mutu.id', schoolId: S1,
    title: 'Gerakan literasi kelas awal', standard: 'proses', stage: 'execute',
    activities: [
      { id: 'act-1', title: 'Pengadaan buku bacaan berjenjang', component: 'perpustakaan', amount: 6_000_000, from: '02-02', to: '03-27', start: true,
        spend: [['02-16', 2_750_000, 'Toko Buku Gramedia Matraman'], ['03-09', 1_250_000, 'CV Pustaka Ilmu']] },
      { id: 'act-2', title: 'Pelatihan guru membaca terbimbing', component: 'profesi_gtk', amount: 4_000_000, from: '04-06', to: '05-22', start: true,
        spend: [['04-20', 3_900_000, 'Narasumber: Dr. Hadi Susanto']] },
      { id: 'act-3', title: 'Asesmen kemampuan membaca', component: 'asesmen_evaluasi', amount: 2_500_000, from: '10-05', to: '11-27' },
    ],
  },
  {
    key: 'asesmen', principal: 'kepsek@demo.mutu.id', personInCharge: 'u-staff', staff: 'guru@demo.mutu.id', schoolId: S1,
    title: 'Penguatan asesmen kelas 4', standard: 'penilaian', stage: 'plan',
    activities: [{ id: 'act-1', title: 'Lokakarya penyusunan soal HOTS', component: 'asesmen_evaluasi', amount: 3_000_000, from: '08-03', to: '08-28' }],
  },
  {
    key: 'ruang-kelas', ...inti(1), title: 'Perbaikan ruang kelas dan alat multimedia', standard: 'sarana_prasarana', stage: 'execute',
    activities: [
      { id: 'act-1', title: 'Perbaikan atap dan plafon kelas 3', component: 'pemeliharaan_sarpras', amount: 45_000_000, from: '07-06', to: '08-14', start: true,
        spend: [['07-20', 30_000_000, 'CV Karya Bangun Mandiri'], ['08-10', 12_000_000, 'CV Karya Bangun Mandiri']] },
      { id: 'act-2', title: 'Proyektor untuk dua kelas', component: 'alat_multimedia', amount: 15_000_000, from: '08-03', to: '09-11', start: true,
        spend: [['08-24', 14_500_000, 'PT Mitra Edukasi (SIPLah)']] },
    ],
  },
  {
    key: 'pramuka', ...inti(2), title: 'Ekstrakurikuler pramuka dan seni tari', standard: 'proses', stage: 'submitted',
    activities: [{ id: 'act-1', title: 'Perkemahan Sabtu–Minggu', component: 'pembelajaran_ekstrakurikuler', amount: 8_000_000, from: '09-07', to: '10-30' }],
  },
  {
    key: 'internet', ...inti(3), title: 'Langganan internet dan listrik untuk pembelajaran', standard: 'pengelolaan', stage: 'execute',
    activities: [
      { id: 'act-1', title: 'Langganan internet sekolah', component: 'langganan_daya_jasa', amount: 12_000_000, from: '01-05', to: '12-18', start: true,
        spend: [['01-25', 1_000_000, 'PT Telkom Indonesia'], ['02-25', 1_000_000, 'PT Telkom Indonesia'], ['03-25', 1_000_000, 'PT Telkom Indonesia'], ['07-25', 1_000_000, 'PT Telkom Indonesia']] },
      { id: 'act-2', title: 'Administrasi kegiatan sekolah', component: 'administrasi_sekolah', amount: 3_000_000, from: '01-05', to: '06-26', start: true,
        spend: [['03-02', 1_200_000, 'Toko ATK Sinar Jaya']] },
    ],
  },
  {
    key: 'ppdb', ...inti(4), title: 'Penerimaan peserta didik baru', standard: 'pengelolaan', stage: 'assign',
    activities: [{ id: 'act-1', title: 'Sosialisasi dan pendaftaran PPDB', component: 'ppdb', amount: 5_000_000, from: '06-01', to: '07-17' }],
  },
  {
    key: 'honor', ...inti(5), title: 'Honor pembina ekstrakurikuler', standard: 'pendidik_tenaga_kependidikan', stage: 'plan',
    activities: [{ id: 'act-1', title: 'Honor pembina pramuka dan tari', component: 'honor', amount: 9_000_000, from: '07-13', to: '12-11' }],
  },
];

/** Statutory report submissions: [school, year offset from the demo year (0 or -1), report, MM-DD in the reported-on calendar year]. */
export const DEMO_SUBMISSIONS: [string, number, 'stage_one' | 'annual', string][] = [
  [S1, -1, 'stage_one', '07-28'],
  [S1, -1, 'annual', '01-29'],
  [CORE[0], -1, 'stage_one', '07-30'],
  [CORE[0], -1, 'annual', '02-17'],
  [CORE[2], 0, 'stage_one', '07-29'],
];

/** The schools whose statutory deadlines the demo opens (the others open when someone looks). */
export const DEMO_REPORTING_SCHOOLS = [S1, ...CORE];
