// API error codes → sentences people read. The raw body is never shown: an unknown code falls back
// to a message chosen by HTTP status.
import type { Lang } from './i18n';

type Text = { id: string; en: string };

const BY_CODE: Record<string, Text> = {
  VALIDATION_FAILED: { id: 'Ada isian yang belum benar. Periksa kolom yang ditandai.', en: 'Some fields are not valid. Check the marked fields.' },
  BAD_REQUEST: { id: 'Permintaan tidak dapat diproses.', en: 'The request could not be processed.' },
  MALFORMED_JSON: { id: 'Data yang dikirim rusak. Muat ulang halaman dan coba lagi.', en: 'The data sent was malformed. Reload the page and try again.' },
  INVALID_CREDENTIALS: { id: 'Email atau kata sandi salah.', en: 'Wrong email or password.' },
  WEAK_PASSWORD: { id: 'Kata sandi baru terlalu lemah: minimal 10 karakter, bukan alamat email, bukan kata sandi umum, dan berbeda dari yang lama.', en: 'The new password is too weak: at least 10 characters, not your email, not a common password, and different from the old one.' },
  CURRENT_PASSWORD_WRONG: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  PASSWORD_CHANGE_REQUIRED: { id: 'Buat kata sandi baru terlebih dahulu.', en: 'Choose a new password first.' },
  UNAUTHENTICATED: { id: 'Sesi Anda berakhir. Silakan masuk lagi.', en: 'Your session has ended. Please sign in again.' },
  TOKEN_EXPIRED: { id: 'Sesi Anda berakhir. Silakan masuk lagi.', en: 'Your session has ended. Please sign in again.' },
  FORBIDDEN: { id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  FORBIDDEN_ROLE: { id: 'Peran Anda tidak berwenang melakukan tindakan ini.', en: 'Your role is not allowed to do this.' },
  NOT_ASSIGNED_SUPERVISOR: { id: 'Hanya pengawas binaan sekolah ini yang dapat mengambil keputusan ini.', en: "Only this school's assigned supervisors may take this decision." },
  NOT_A_REGION_SUPERVISOR: { id: 'Hanya pengawas di wilayah sekolah yang dapat ditetapkan sebagai pengawas binaan.', en: "Only supervisors of the school's region can be assigned to it." },
  APPROVALS_EXCEED_ASSIGNED: { id: 'Kebijakan persetujuan sekolah ini memerlukan lebih banyak pengawas binaan.', en: "The school's approval policy needs more assigned supervisors." },
  FOUR_EYES: { id: 'Anda tidak dapat memutuskan sesuatu yang Anda susun atau ajukan sendiri (prinsip empat mata).', en: 'You cannot decide on something you drafted or submitted yourself (four-eyes rule).' },
  OUT_OF_SCOPE: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  NOT_FOUND: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  ACTIVITY_NOT_FOUND: { id: 'Kegiatan tidak ada dalam rencana.', en: 'The activity is not in the plan.' },
  EVIDENCE_NOT_FOUND: { id: 'Berkas bukti tidak ditemukan.', en: 'The evidence file was not found.' },
  ALREADY_EXISTS: { id: 'Program ini sudah ada.', en: 'This program already exists.' },
  WRONG_STAGE: { id: 'Tindakan ini tidak dapat dilakukan pada tahap program sekarang. Muat ulang halaman.', en: 'This cannot be done at the program’s current stage. Reload the page.' },
  ALREADY_SUBMITTED: { id: 'Sudah diajukan dan sedang menunggu keputusan.', en: 'Already submitted and waiting for a decision.' },
  NOT_SUBMITTED: { id: 'Belum ada yang diajukan untuk diputuskan.', en: 'Nothing has been submitted to decide on.' },
  ALREADY_DECIDED: { id: 'Anda sudah memberikan keputusan.', en: 'You have already decided.' },
  ALREADY_SIGNED: { id: 'Anda sudah menandatangani laporan ini.', en: 'You have already signed this report.' },
  REPORT_CHANGED: { id: 'Laporan telah berubah sejak Anda membukanya. Muat ulang lalu periksa lagi.', en: 'The report changed since you opened it. Reload and check it again.' },
  STALE_PLAN_VERSION: { id: 'Rencana telah diubah orang lain. Muat ulang halaman.', en: 'Someone else changed the plan. Reload the page.' },
  ACTIVITY_NOT_OPEN: { id: 'Kegiatan ini sudah selesai atau dibatalkan.', en: 'This activity is already finished or dropped.' },
  DUPLICATE_EVIDENCE: { id: 'Berkas ini sudah dilampirkan pada kegiatan.', en: 'This file is already attached to the activity.' },
  CANCELLATION_PENDING: { id: 'Ada permintaan pembatalan yang menunggu keputusan.', en: 'A cancellation request is waiting for a decision.' },
  NO_CANCELLATION_REQUEST: { id: 'Tidak ada permintaan pembatalan.', en: 'There is no cancellation request.' },
  REPORT_NOT_SIGNED_OFF: { id: 'Laporan belum disahkan komite.', en: 'The committee has not signed off the report.' },
  REASON_REQUIRED: { id: 'Alasan wajib diisi.', en: 'A reason is required.' },
  INVALID_PLAN: { id: 'Rencana belum lengkap atau belum benar. Periksa kolom yang ditandai.', en: 'The plan is incomplete or not valid. Check the marked fields.' },
  INVALID_EXECUTION: { id: 'Catatan pelaksanaan belum benar. Periksa kolom yang ditandai.', en: 'The execution record is not valid. Check the marked fields.' },
  UNASSIGNED_ACTIVITIES: { id: 'Setiap kegiatan memerlukan penanggung jawab.', en: 'Every activity needs a person in charge.' },
  ACTIVITIES_PENDING: { id: 'Masih ada kegiatan yang belum selesai.', en: 'Some activities are not finished yet.' },
  MISSING_EVIDENCE: { id: 'Bukti kegiatan belum lengkap.', en: 'Evidence is incomplete.' },
  REPORT_INCOMPLETE: { id: 'Laporan belum lengkap: isi semua bagian.', en: 'The report is incomplete: fill in every section.' },
  INVALID_DEADLINE: { id: 'Tanggal batas waktu tidak valid.', en: 'The deadline date is not valid.' },
  EXTENSION_NOT_LATER: { id: 'Perpanjangan hanya boleh ke tanggal setelah batas waktu sekarang.', en: 'An extension can only move the deadline to a date after the current one.' },
  MEETING_OUT_OF_ORDER: { id: 'Pertemuan didokumentasikan berurutan: lengkapi pertemuan sebelumnya dahulu; tanggalnya tidak boleh mendahului pertemuan sebelumnya.', en: 'Meetings are documented in order: complete the previous meeting first; a meeting cannot be dated before the previous one.' },
  MEETING_WRONG_HOST: { id: 'Pertemuan ini harus diselenggarakan di sekolah tuan rumah yang ditetapkan.', en: 'This meeting must be held at its assigned host school.' },
  MEETING_OUTSIDE_PERIOD: { id: 'Tanggal pertemuan harus berada dalam periode kampanye.', en: 'The meeting date must fall within the campaign period.' },
  MEETING_IN_FUTURE: { id: 'Pertemuan baru dapat didokumentasikan setelah dilaksanakan: tanggalnya tidak boleh melewati hari ini.', en: 'A meeting can be documented once it has been held: its date cannot be after today.' },
  MEETING_INCOMPLETE: { id: 'Pertemuan baru dihitung bila ada daftar hadir dan notulen.', en: 'A meeting counts only with an attendance list and minutes.' },
  MEETING_ALREADY_DOCUMENTED: { id: 'Pertemuan ini sudah didokumentasikan.', en: 'This meeting is already documented.' },
  INVALID_MATERIAL: { id: 'Ada materi yang tidak termasuk daftar materi kampanye.', en: 'Some materials are not on the campaign’s list.' },
  RTL_TOO_EARLY: { id: 'RTL sekolah ini baru dapat diajukan setelah pertemuan di sekolah tersebut didokumentasikan.', en: 'This school’s follow-up plan can be submitted once the meeting it hosts is documented.' },
  INVALID_RTL: { id: 'Rencana tindak lanjut belum benar: setiap tindakan perlu uraian, penanggung jawab dan batas waktu antara hari ini dan akhir tahun.', en: 'The follow-up plan is not valid: every action needs a description, an owner and a due date between today and the end of the year.' },
  CLUSTER_COMPLETED: { id: 'Pendampingan klaster ini sudah selesai.', en: 'This cluster has completed its mentoring.' },
  INVALID_CAMPAIGN: { id: 'Data kampanye tidak valid.', en: 'The campaign data is not valid.' },
  PHOTO_REQUIRED: { id: 'Foto pertemuan harus berupa gambar PNG atau JPEG.', en: 'A meeting photo must be a PNG or JPEG image.' },
  IMPORT_INVALID: { id: 'Berkas berisi kesalahan dan tidak ada yang dibuat. Perbaiki baris yang tercantum lalu coba lagi.', en: 'The file has errors and nothing was created. Fix the rows listed and try again.' },
  PAYLOAD_TOO_LARGE: { id: 'Berkas terlalu besar.', en: 'The file is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { id: 'Jenis berkas tidak didukung.', en: 'This file type is not supported.' },
  RATE_LIMITED: { id: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.', en: 'Too many requests. Wait a moment and try again.' },
  CONFLICT: { id: 'Terjadi bentrokan dengan perubahan lain. Muat ulang halaman.', en: 'This conflicts with another change. Reload the page.' },
  NETWORK: { id: 'Tidak dapat terhubung ke server. Periksa koneksi Anda.', en: 'Cannot reach the server. Check your connection.' },
  TIMEOUT: { id: 'Server terlalu lama menjawab. Coba lagi.', en: 'The server took too long. Try again.' },
  INTERNAL: { id: 'Terjadi kesalahan pada server. Sudah dicatat; coba lagi nanti.', en: 'Something went wrong on the server. It was logged; try again later.' },
};

const BY_STATUS: Record<number, Text> = {
  400: BY_CODE.BAD_REQUEST!,
  401: BY_CODE.UNAUTHENTICATED!,
  403: BY_CODE.FORBIDDEN!,
  404: BY_CODE.NOT_FOUND!,
  409: BY_CODE.CONFLICT!,
  413: BY_CODE.PAYLOAD_TOO_LARGE!,
  422: { id: 'Data belum memenuhi aturan. Periksa kembali.', en: 'The data does not meet the rules. Check it again.' },
};

export function errorText(code: string, status: number, lang: Lang): string {
  const text = BY_CODE[code] ?? BY_STATUS[status] ?? BY_CODE.INTERNAL!;
  return text[lang];
}

// Field messages come from zod and the plan rules in English; the common ones get a translation,
// the rest a generic sentence in Indonesian (the English UI shows the server's words).
const ISSUE_PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^at least 10 characters$/, () => 'minimal 10 karakter'],
  [/must not be your email address/, () => 'tidak boleh sama dengan alamat email Anda'],
  [/too common; choose another/, () => 'terlalu umum; pilih yang lain'],
  [/must differ from the current password/, () => 'harus berbeda dari kata sandi saat ini'],
  [/^wrong password$/, () => 'kata sandi salah'],
  [/required while the webhook channel is on/, () => 'wajib diisi selama saluran webhook aktif'],
  [/quiet hours end where they start/, () => 'jam tenang selesai pada jam mulainya'],
  [/a local time HH:MM/, () => 'jam dalam format JJ:MM'],
  [/must lie inside budget year (\d+)/i, (m) => `harus berada di dalam tahun anggaran ${m[1]}`],
  [/end is before start|is before actualStart/i, () => 'tanggal selesai sebelum tanggal mulai'],
  [/duplicate activity id/i, () => 'kode kegiatan ganda'],
  [/lists an evidence kind twice/i, () => 'jenis bukti tercantum dua kali'],
  [/at least one objective/i, () => 'isi minimal satu tujuan'],
  [/national standard/i, () => 'pilih standar nasional (SNP)'],
  [/at least one indicator/i, () => 'isi minimal satu indikator'],
  [/at least one activity/i, () => 'isi minimal satu kegiatan'],
  [/too small|at least 1 character|>=1 character|expected string to have >=1/i, () => 'wajib diisi'],
  [/too big|at most/i, () => 'terlalu panjang atau terlalu besar'],
  [/invalid (iso )?date|invalid date/i, () => 'tanggal tidak valid'],
  [/expected number|expected int/i, () => 'harus berupa angka bulat'],
  [/required/i, () => 'wajib diisi'],
];

export function issueText(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  for (const [re, fn] of ISSUE_PATTERNS) {
    const m = message.match(re);
    if (m) return fn(m);
  }
  return 'isian ini tidak valid';
}

// Import findings come with an English message naming the row's values; the Indonesian UI gives the
// sentence for its code (row and column are shown beside it), the English UI the server's words.
const ROW_CODES: Record<string, string> = {
  UNKNOWN_COLUMN: 'Nama kolom tidak dikenal.',
  DUPLICATE_COLUMN: 'Kolom ini muncul dua kali.',
  MISSING_HEADER: 'Baris 1 harus berisi judul kolom, minimal kolom "record".',
  TOO_LONG: 'Isian terlalu panjang.',
  MISSING_FIELD: 'Kolom ini wajib diisi untuk jenis baris ini.',
  BAD_DATE: 'Tanggal harus berformat TTTT-BB-HH dan berupa tanggal yang ada.',
  BAD_CLUSTER: 'Kode klaster hanya berisi huruf, angka, - dan _ (mis. K01).',
  BAD_POSITION: 'Posisi harus core/inti atau impact1…impact20 (imbas1…).',
  BAD_NUMBER: 'Nomor pertemuan harus 1 sampai 21.',
  BAD_TEAM_ROLE: 'Peran tim harus trainer, agency_staff, supervisor atau principal.',
  UNKNOWN_RECORD: 'Jenis baris harus campaign, school, meeting atau team.',
  BAD_PERIOD: 'Tanggal selesai kampanye sebelum tanggal mulainya.',
  BAD_TIME_ZONE: 'Zona waktu tidak dikenal (mis. Asia/Jakarta).',
  DUPLICATE_MATERIAL: 'Materi tercantum dua kali.',
  DUPLICATE_TEAM_MEMBER: 'Anggota tim ini sudah tercantum di klaster yang sama.',
  MISSING_TEAM: 'Klaster ini belum memiliki anggota tim pendamping.',
  DUPLICATE_POSITION: 'Posisi sekolah ini sudah terisi di klaster yang sama.',
  MISSING_CORE_SCHOOL: 'Klaster ini belum memiliki sekolah inti.',
  POSITION_GAP: 'Urutan sekolah imbas di klaster ini terputus.',
  CLUSTER_TOO_SMALL: 'Klaster memerlukan minimal satu sekolah imbas selain sekolah inti.',
  DUPLICATE_MEETING: 'Nomor pertemuan ini sudah ada di klaster yang sama.',
  MEETING_COUNT: 'Jumlah pertemuan harus sama dengan jumlah sekolah di klaster.',
  MEETING_ORDER: 'Tanggal pertemuan harus berurutan sesuai nomornya.',
  MEETING_OUTSIDE_PERIOD: 'Tanggal pertemuan berada di luar periode kampanye.',
  DUPLICATE_CAMPAIGN_ROW: 'Hanya boleh ada satu baris campaign.',
  MISSING_CAMPAIGN_ROW: 'Berkas memerlukan satu baris campaign (judul, periode, wilayah, penyelenggara).',
  UNKNOWN_REGION: 'Wilayah tidak dikenal.',
  UNKNOWN_SCHOOL: 'Sekolah tidak ditemukan (NPSN atau kode sekolah).',
  DUPLICATE_SCHOOL: 'Sekolah ini sudah tercantum di kampanye.',
  UNKNOWN_USER: 'Tidak ada pengguna aktif dengan email ini.',
  INVALID_SETUP: 'Data kampanye tidak memenuhi aturan.',
};

export function rowIssueText(code: string, message: string, lang: Lang): string {
  return lang === 'en' ? message : (ROW_CODES[code] ?? message);
}
