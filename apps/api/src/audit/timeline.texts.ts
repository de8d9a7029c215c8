// What each event means to a person, in Bahasa Indonesia (default) and English.
export type Lang = 'id' | 'en';
type Data = Record<string, unknown>;
type Phrase = (d: Data) => string;

const act = (d: Data) => String(d.activityId ?? '');
const T: Record<string, { id: Phrase; en: Phrase }> = {
  ProgramCreated: { id: (d) => `membuat program "${String(d.title)}"`, en: (d) => `created the program "${String(d.title)}"` },
  PlanEdited: { id: (d) => `mengubah rencana (versi ${String(d.planVersion)})`, en: (d) => `edited the plan (version ${String(d.planVersion)})` },
  PlanSubmitted: { id: () => 'mengajukan rencana untuk disetujui', en: () => 'submitted the plan for approval' },
  PlanApproved: { id: () => 'menyetujui rencana', en: () => 'approved the plan' },
  PlanRejected: { id: () => 'menolak rencana', en: () => 'rejected the plan' },
  ActivityAssigned: { id: (d) => `menugaskan ${String(d.personInCharge)} sebagai penanggung jawab ${act(d)}`, en: (d) => `assigned ${String(d.personInCharge)} to ${act(d)}` },
  AssignmentsConfirmed: { id: () => 'mengonfirmasi semua penugasan', en: () => 'confirmed all assignments' },
  ActivityStarted: { id: (d) => `memulai kegiatan ${act(d)}`, en: (d) => `started activity ${act(d)}` },
  ActivityCompleted: { id: (d) => `menyelesaikan kegiatan ${act(d)}`, en: (d) => `completed activity ${act(d)}` },
  ActivityDropped: { id: (d) => `membatalkan kegiatan ${act(d)}`, en: (d) => `dropped activity ${act(d)}` },
  EvidenceAttached: { id: (d) => `melampirkan bukti untuk ${act(d)}`, en: (d) => `attached evidence to ${act(d)}` },
  EvidenceWithdrawn: { id: (d) => `menarik bukti dari ${act(d)}`, en: (d) => `withdrew evidence from ${act(d)}` },
  DocumentationSubmitted: { id: () => 'menyatakan dokumentasi lengkap', en: () => 'submitted the documentation' },
  DocumentationApproved: { id: () => 'menyetujui dokumentasi', en: () => 'approved the documentation' },
  DocumentationRejected: { id: () => 'menolak dokumentasi', en: () => 'rejected the documentation' },
  ReportEdited: { id: () => 'menyunting laporan', en: () => 'edited the report' },
  ReportSubmitted: { id: () => 'mengajukan laporan', en: () => 'submitted the report' },
  ReportSigned: {
    id: (d) => (d.decision === 'approve' ? 'menandatangani laporan' : 'menolak menandatangani laporan'),
    en: (d) => (d.decision === 'approve' ? 'signed the report' : 'refused to sign the report'),
  },
  ReportSignedOff: { id: () => 'laporan disahkan komite', en: () => 'the committee signed off the report' },
  ProgramClosed: { id: () => 'menutup program', en: () => 'closed the program' },
  CancellationRequested: { id: () => 'mengajukan pembatalan program', en: () => 'requested cancellation of the program' },
  ProgramCancelled: { id: () => 'membatalkan program', en: () => 'cancelled the program' },
  CancellationRejected: { id: () => 'menolak pembatalan program', en: () => 'rejected the cancellation' },
  DeadlineExtended: {
    id: (d) => `memperpanjang tenggat tahap ${String(d.stage)} sampai ${String(d.newDueDate)}`,
    en: (d) => `extended the ${String(d.stage)} deadline to ${String(d.newDueDate)}`,
  },
  StageAdvanced: { id: (d) => `program berpindah dari tahap ${String(d.from)} ke ${String(d.to)}`, en: (d) => `the program moved from ${String(d.from)} to ${String(d.to)}` },
  ReminderIssued: { id: (d) => `pengingat tahap ${String(d.stage)} dikirim ke ${String(d.recipientRole)}`, en: (d) => `a ${String(d.stage)} reminder went to ${String(d.recipientRole)}` },
  DeadlineMissed: { id: (d) => `tenggat tahap ${String(d.stage)} (${String(d.dueDate)}) terlewat`, en: (d) => `the ${String(d.stage)} deadline (${String(d.dueDate)}) was missed` },
  EscalationRaised: { id: (d) => `eskalasi tingkat ${String(d.level)} ke ${String(d.toRole)}`, en: (d) => `escalated (level ${String(d.level)}) to ${String(d.toRole)}` },
};

export const ROLE_NAMES: Record<Lang, Record<string, string>> = {
  id: {
    principal: 'Kepala sekolah',
    qa_team: 'Tim penjaminan mutu',
    staff: 'Guru/tendik',
    committee: 'Komite sekolah',
    supervisor: 'Pengawas',
    district_officer: 'Dinas pendidikan',
    auditor: 'Auditor',
    admin: 'Admin',
    mentor: 'Pendamping',
    system: 'Sistem',
  },
  en: {
    principal: 'Principal',
    qa_team: 'QA team',
    staff: 'Staff',
    committee: 'Committee',
    supervisor: 'Supervisor',
    district_officer: 'District officer',
    auditor: 'Auditor',
    admin: 'Admin',
    mentor: 'Mentor',
    system: 'System',
  },
};

export function describeEvent(type: string, data: Data, lang: Lang): string {
  const t = T[type];
  return t ? t[lang](data) : lang === 'id' ? `peristiwa ${type}` : `event ${type}`;
}

/** The reason a person gave, when the event carries one. */
export function reasonOf(data: Data): string | null {
  const r = data.reason ?? data.requestReason;
  return typeof r === 'string' && r.length > 0 ? r : null;
}
