import { createHash } from 'node:crypto';
import type { Program } from '@mutu/domain';
import { canonicalJson } from '@mutu/persistence';

/**
 * The canonical content of the implementation report: everything the committee vouches for,
 * derived from the program state only. Signatures are not part of it (they sign its hash), so
 * the hash is the same before and after signing and changes with any later edit.
 */
export function reportContent(p: Program) {
  return {
    format: 'mutu-report/1',
    programId: p.programId,
    schoolId: p.schoolId,
    regionId: p.regionId,
    budgetYear: p.budgetYear,
    title: p.title,
    plan: { objectives: p.plan.objectives, standard: p.plan.standard, indicators: p.plan.indicators },
    sections: p.report.sections,
    activities: p.plan.activities.map((a) => ({
      id: a.id,
      title: a.title,
      kind: a.kind,
      window: a.window,
      location: a.location,
      budget: a.budget,
      status: a.status,
      personInCharge: a.assignment?.personInCharge ?? null,
      participants: a.assignment?.participants ?? [],
      execution: a.execution,
      dropReason: a.dropReason,
      evidence: a.evidence.map((e) => ({ sha256: e.sha256, kind: e.kind, filename: e.filename, size: e.size, mimeType: e.mimeType })),
      // Recorded spending is vouched for too; absent when none (the hash of older reports stays the same).
      ...(a.expenditures?.length
        ? { expenditures: a.expenditures.map(({ recordedBy: _r, at: _t, legacy: _l, ...e }) => e), overspendAcknowledgement: a.overspendAcknowledgement ?? null }
        : {}),
    })),
    approvals: p.approvals
      .filter((x) => x.stage === 'plan' || x.stage === 'documentation')
      .map((x) => ({ stage: x.stage, decision: x.decision, by: x.by, role: x.role, at: x.at })),
  };
}

export type ReportContent = ReturnType<typeof reportContent>;

export function reportSha256(p: Program): string {
  return createHash('sha256').update(canonicalJson(reportContent(p))).digest('hex');
}

/** The submitted report's version (the program version of its submission); null while it is a draft. */
export function reportVersion(p: Program): number | null {
  return p.report.sha256 === null ? null : (p.report.submittedVersion ?? null);
}
