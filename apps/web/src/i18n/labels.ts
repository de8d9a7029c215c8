// Names of domain values (stages, kinds, roles...) in both languages.
import type { Lang } from './i18n';

type Dict = Record<string, { id: string; en: string }>;

export const STAGES = ['plan', 'assign', 'execute', 'document', 'report', 'closed'] as const;

const stage: Dict = {
  plan: { id: 'Perencanaan', en: 'Planning' },
  assign: { id: 'Penugasan', en: 'Assignment' },
  execute: { id: 'Pelaksanaan', en: 'Execution' },
  document: { id: 'Dokumentasi', en: 'Documentation' },
  report: { id: 'Laporan', en: 'Report' },
  closed: { id: 'Selesai', en: 'Closed' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
};
const activityKind: Dict = {
  teacher_training: { id: 'Pelatihan guru / lokakarya', en: 'Teacher training / workshop' },
  curriculum_development: { id: 'Pengembangan kurikulum', en: 'Curriculum development' },
  facilities_procurement: { id: 'Pengadaan sarana (SIPLah)', en: 'Facilities procurement (SIPLah)' },
  mentoring_visit: { id: 'Kunjungan pendampingan', en: 'Mentoring visit' },
  other: { id: 'Lainnya', en: 'Other' },
};
const evidenceKind: Dict = {
  photo: { id: 'Foto', en: 'Photo' },
  attendance_list: { id: 'Daftar hadir', en: 'Attendance list' },
  minutes: { id: 'Notulen / berita acara', en: 'Minutes' },
  assignment_letter: { id: 'Surat tugas', en: 'Assignment letter' },
  receipt: { id: 'Kuitansi', en: 'Receipt' },
  evaluation: { id: 'Hasil evaluasi', en: 'Evaluation results' },
  purchase_order: { id: 'Pesanan pembelian', en: 'Purchase order' },
  handover_certificate: { id: 'BAST', en: 'Handover certificate (BAST)' },
  supplier_quote: { id: 'Penawaran penyedia', en: 'Supplier quote' },
  materials: { id: 'Materi', en: 'Materials' },
  follow_up_plan: { id: 'Rencana tindak lanjut (RTL)', en: 'Follow-up plan (RTL)' },
  other: { id: 'Lainnya', en: 'Other' },
};
const standard: Dict = {
  kompetensi_lulusan: { id: 'Standar Kompetensi Lulusan', en: 'Graduate competence' },
  isi: { id: 'Standar Isi', en: 'Content' },
  proses: { id: 'Standar Proses', en: 'Process' },
  penilaian: { id: 'Standar Penilaian', en: 'Assessment' },
  pendidik_tenaga_kependidikan: { id: 'Standar Pendidik dan Tenaga Kependidikan', en: 'Teachers and education staff' },
  sarana_prasarana: { id: 'Standar Sarana dan Prasarana', en: 'Facilities' },
  pengelolaan: { id: 'Standar Pengelolaan', en: 'Management' },
  pembiayaan: { id: 'Standar Pembiayaan', en: 'Financing' },
};
const role: Dict = {
  principal: { id: 'Kepala sekolah', en: 'Principal' },
  qa_team: { id: 'TPMPS', en: 'School QA team' },
  staff: { id: 'Guru / tendik', en: 'Staff' },
  committee: { id: 'Komite sekolah', en: 'School committee' },
  supervisor: { id: 'Pengawas sekolah', en: 'School supervisor' },
  district_officer: { id: 'Dinas pendidikan', en: 'District officer' },
  auditor: { id: 'Auditor', en: 'Auditor' },
  admin: { id: 'Admin', en: 'Admin' },
  mentor: { id: 'Pendamping (widyaiswara/FPMP)', en: 'Mentor (trainer/agency staff)' },
  system: { id: 'Sistem', en: 'System' },
};
const activityStatus: Dict = {
  planned: { id: 'Direncanakan', en: 'Planned' },
  in_progress: { id: 'Berjalan', en: 'In progress' },
  done: { id: 'Selesai', en: 'Done' },
  dropped: { id: 'Dibatalkan', en: 'Dropped' },
};
const task: Dict = {
  approve_plan: { id: 'Setujui rencana', en: 'Approve the plan' },
  assign_activities: { id: 'Tugaskan kegiatan', en: 'Assign activities' },
  execute_activity: { id: 'Laksanakan kegiatan', en: 'Carry out an activity' },
  complete_documentation: { id: 'Lengkapi dokumentasi', en: 'Complete the documentation' },
  approve_documentation: { id: 'Setujui dokumentasi', en: 'Approve the documentation' },
  write_report: { id: 'Tulis laporan', en: 'Write the report' },
  sign_report: { id: 'Tanda tangani laporan', en: 'Sign the report' },
  confirm_cancellation: { id: 'Putuskan pembatalan', en: 'Decide on the cancellation' },
  revise_plan: { id: 'Susun / perbaiki rencana', en: 'Draft or revise the plan' },
  close_program: { id: 'Tutup program', en: 'Close the program' },
  acknowledge_overspend: { id: 'Setujui kelebihan belanja', en: 'Acknowledge an overspend' },
};
const reportSection: Dict = {
  background: { id: 'Latar belakang', en: 'Background' },
  objectives: { id: 'Tujuan', en: 'Objectives' },
  targets: { id: 'Sasaran', en: 'Targets' },
  expectedResults: { id: 'Hasil yang diharapkan', en: 'Expected results' },
  placeAndTime: { id: 'Tempat dan waktu', en: 'Place and time' },
  activitiesNarrative: { id: 'Uraian kegiatan', en: 'Activities' },
  problemsAndSolutions: { id: 'Masalah dan solusi', en: 'Problems and solutions' },
  conclusions: { id: 'Kesimpulan', en: 'Conclusions' },
  recommendations: { id: 'Rekomendasi', en: 'Recommendations' },
};
const teamRole: Dict = {
  organiser: { id: 'Penyelenggara', en: 'Organiser' },
  trainer: { id: 'Widyaiswara', en: 'Trainer' },
  agency_staff: { id: 'Staf LPMP', en: 'Agency staff' },
  supervisor: { id: 'Pengawas pembina', en: 'Supervising inspector' },
  principal: { id: 'Kepala sekolah inti', en: 'Core school principal' },
  school: { id: 'Sekolah', en: 'School' },
};
const meetingStatus: Dict = {
  done: { id: 'Selesai', en: 'Done' },
  due: { id: 'Jatuh tempo', en: 'Due' },
  overdue: { id: 'Terlambat', en: 'Overdue' },
  scheduled: { id: 'Terjadwal', en: 'Scheduled' },
};
const rtlStatus: Dict = {
  none: { id: 'Belum diajukan', en: 'Not submitted' },
  submitted: { id: 'Menunggu keputusan', en: 'Awaiting decision' },
  approved: { id: 'Disetujui', en: 'Approved' },
};

const dicts = { stage, activityKind, evidenceKind, standard, role, activityStatus, task, reportSection, teamRole, meetingStatus, rtlStatus };
export type LabelSet = keyof typeof dicts;

/** A domain value in the user's language; unknown values (e.g. a new event type) show as they are. */
export function label(set: LabelSet, value: string, lang: Lang): string {
  return dicts[set][value]?.[lang] ?? value.replace(/_/g, ' ');
}

export const optionsOf = (set: LabelSet): string[] => Object.keys(dicts[set]);
