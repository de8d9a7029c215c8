// Message texts in Bahasa Indonesia (default) and English, chosen by the recipient's `locale`.
import { STATUTORY_RENDER, type StatutoryTemplateName } from './statutory-templates';

export type Locale = 'id' | 'en';
export type TemplateName = 'reminder' | 'deadline_missed' | 'escalation' | 'digest' | StatutoryTemplateName;

export interface TemplateParams {
  programTitle?: string;
  stage: string;
  dueDate: string;
  activityTitle?: string | null;
  offsetWorkingDays?: number;
  level?: number;
  toRole?: string;
  /** digest only: the rendered lines of the day's notifications. */
  lines?: string[];
}

export interface RenderedMessage {
  subject: string;
  text: string;
}

const STAGE_NAMES: Record<Locale, Record<string, string>> = {
  id: { plan: 'perencanaan', assign: 'penugasan', execute: 'pelaksanaan', document: 'dokumentasi', report: 'pelaporan', mentoring: 'pendampingan' },
  en: { plan: 'planning', assign: 'assignment', execute: 'implementation', document: 'documentation', report: 'reporting', mentoring: 'mentoring' },
};

const ROLE_NAMES: Record<Locale, Record<string, string>> = {
  id: { organiser: 'penyelenggara pendampingan', principal: 'kepala sekolah', staff: 'penanggung jawab', supervisor: 'pengawas sekolah', district_officer: 'dinas pendidikan', committee: 'komite sekolah', qa_team: 'TPMPS' },
  en: { organiser: 'campaign organiser', principal: 'principal', staff: 'person in charge', supervisor: 'school supervisor', district_officer: 'district education office', committee: 'school committee', qa_team: 'QA team' },
};

export function normalizeLocale(locale: string | null | undefined): Locale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'id';
}

function what(l: Locale, p: TemplateParams): string {
  const stage = STAGE_NAMES[l][p.stage] ?? p.stage;
  if (p.activityTitle) return l === 'id' ? `kegiatan "${p.activityTitle}" (tahap ${stage})` : `activity "${p.activityTitle}" (${stage} stage)`;
  return l === 'id' ? `tahap ${stage}` : `the ${stage} stage`;
}

const RENDER: Record<TemplateName, (l: Locale, p: TemplateParams) => RenderedMessage> = {
  ...STATUTORY_RENDER,
  reminder: (l, p) => {
    const days = p.offsetWorkingDays ?? 0;
    const when =
      l === 'id'
        ? days === 0 ? 'hari ini' : `${days} hari kerja lagi`
        : days === 0 ? 'today' : `in ${days} working day${days === 1 ? '' : 's'}`;
    return l === 'id'
      ? { subject: `Pengingat: batas waktu ${what(l, p)} ${when}`, text: `Program "${p.programTitle ?? ''}": batas waktu ${what(l, p)} jatuh pada ${p.dueDate} (${when}).` }
      : { subject: `Reminder: ${what(l, p)} is due ${when}`, text: `Program "${p.programTitle ?? ''}": ${what(l, p)} is due on ${p.dueDate} (${when}).` };
  },
  deadline_missed: (l, p) =>
    l === 'id'
      ? { subject: `Terlambat: batas waktu ${what(l, p)} terlewati`, text: `Program "${p.programTitle ?? ''}": batas waktu ${what(l, p)} pada ${p.dueDate} telah terlewati.` }
      : { subject: `Overdue: ${what(l, p)} missed its deadline`, text: `Program "${p.programTitle ?? ''}": ${what(l, p)} was due on ${p.dueDate} and is overdue.` },
  escalation: (l, p) => {
    const role = ROLE_NAMES[l][p.toRole ?? ''] ?? p.toRole ?? '';
    return l === 'id'
      ? { subject: `Eskalasi tingkat ${p.level}: ${what(l, p)} terlambat`, text: `Program "${p.programTitle ?? ''}": ${what(l, p)} (batas ${p.dueDate}) belum selesai. Diteruskan kepada ${role}.` }
      : { subject: `Escalation level ${p.level}: ${what(l, p)} is overdue`, text: `Program "${p.programTitle ?? ''}": ${what(l, p)} (due ${p.dueDate}) is not done. Escalated to the ${role}.` };
  },
  digest: (l, p) =>
    l === 'id'
      ? { subject: `Ringkasan harian Mutu (${p.lines?.length ?? 0})`, text: (p.lines ?? []).map((x) => `- ${x}`).join('\n') }
      : { subject: `Mutu daily digest (${p.lines?.length ?? 0})`, text: (p.lines ?? []).map((x) => `- ${x}`).join('\n') },
};

export function renderTemplate(name: TemplateName, locale: string | null | undefined, params: TemplateParams): RenderedMessage {
  return RENDER[name](normalizeLocale(locale), params);
}
