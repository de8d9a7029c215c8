// Texts of the statutory BOSP report deadlines (stage I report, 31 July; annual report, 31 January
// of the next year), in Bahasa Indonesia and English. Every one states the cut windows, so the
// principal reads the consequence of a late annual report in the message itself.
// (Types are repeated here rather than imported: templates.ts imports this file.)
type Locale = 'id' | 'en';
interface RenderedMessage {
  subject: string;
  text: string;
}

export type StatutoryTemplateName = 'statutory_reminder' | 'statutory_missed' | 'statutory_escalation';

export interface StatutoryParams {
  dueDate: string;
  offsetWorkingDays?: number;
  level?: number;
  toRole?: string;
  report?: string;
  budgetYear?: number;
  schoolName?: string;
}

const REPORT_NAMES: Record<Locale, Record<string, string>> = {
  id: { stage_one: 'laporan realisasi BOSP tahap I', annual: 'laporan realisasi BOSP tahunan' },
  en: { stage_one: 'BOSP stage I spending report', annual: 'BOSP annual spending report' },
};

const ROLE_NAMES: Record<Locale, Record<string, string>> = {
  id: { principal: 'kepala sekolah', supervisor: 'pengawas sekolah', district_officer: 'dinas pendidikan' },
  en: { principal: 'principal', supervisor: 'school supervisor', district_officer: 'district education office' },
};

/** The cut windows of DOMAIN.md, as one paragraph. */
export const CUT_WINDOWS: Record<Locale, string> = {
  id:
    'Ketentuan: laporan tahunan yang terlambat memotong penyaluran BOSP tahap I tahun berikutnya sebesar 2% bila disampaikan ' +
    'pada bulan Februari, 3% pada bulan Maret, dan 4% pada 1 April–25 Juni; setelah 25 Juni tahap I (dan karena itu tahap II) ' +
    'tidak disalurkan. Tahap II juga mensyaratkan dana tahap I terserap paling sedikit 50% dan dilaporkan.',
  en:
    "Rules: a late annual report cuts the next budget year's BOSP stage I payment by 2% if submitted in February, 3% in March " +
    'and 4% from 1 April to 25 June; after 25 June no stage I (and so no stage II) is paid. Stage II also requires stage I to ' +
    'be at least 50% spent and reported.',
};

function subjectOf(l: Locale, p: StatutoryParams): string {
  const report = REPORT_NAMES[l][p.report ?? ''] ?? p.report ?? '';
  return `${report} ${p.budgetYear ?? ''}${p.schoolName ? ` — ${p.schoolName}` : ''}`.trim();
}

export const STATUTORY_RENDER: Record<StatutoryTemplateName, (l: Locale, p: StatutoryParams) => RenderedMessage> = {
  statutory_reminder: (l, p) => {
    const days = p.offsetWorkingDays ?? 0;
    const what = subjectOf(l, p);
    if (l === 'id') {
      const when = days === 0 ? 'hari kerja terakhir' : `${days} hari kerja lagi`;
      return { subject: `Pengingat: ${what} jatuh tempo ${p.dueDate} (${when})`, text: `Sampaikan ${what} melalui ARKAS paling lambat ${p.dueDate} (${when}), lalu catat penyampaiannya di Mutu dengan ekspor ARKAS sebagai bukti.\n\n${CUT_WINDOWS.id}` };
    }
    const when = days === 0 ? 'last working day' : `in ${days} working day${days === 1 ? '' : 's'}`;
    return { subject: `Reminder: ${what} due ${p.dueDate} (${when})`, text: `Submit the ${what} through ARKAS by ${p.dueDate} (${when}), then record the submission in Mutu with the ARKAS export as evidence.\n\n${CUT_WINDOWS.en}` };
  },
  statutory_missed: (l, p) => {
    const what = subjectOf(l, p);
    return l === 'id'
      ? { subject: `Terlambat: ${what} (batas ${p.dueDate})`, text: `Batas waktu ${what} pada ${p.dueDate} telah terlewati dan penyampaiannya belum tercatat.\n\n${CUT_WINDOWS.id}` }
      : { subject: `Overdue: ${what} (due ${p.dueDate})`, text: `The ${what} was due on ${p.dueDate} and no submission is recorded.\n\n${CUT_WINDOWS.en}` };
  },
  statutory_escalation: (l, p) => {
    const what = subjectOf(l, p);
    const role = ROLE_NAMES[l][p.toRole ?? ''] ?? p.toRole ?? '';
    return l === 'id'
      ? { subject: `Eskalasi tingkat ${p.level}: ${what} terlambat`, text: `${what} (batas ${p.dueDate}) belum disampaikan. Diteruskan kepada ${role}.\n\n${CUT_WINDOWS.id}` }
      : { subject: `Escalation level ${p.level}: ${what} is overdue`, text: `The ${what} (due ${p.dueDate}) is not submitted. Escalated to the ${role}.\n\n${CUT_WINDOWS.en}` };
  },
};
