// An approved RTL becomes a regular improvement program of its school: the RTL's actions are the
// plan's activities, so the follow-up runs through the school's normal lifecycle.
import type { Actor } from '../actor';
import type { CommandOf } from '../program/program.commands';
import { localDateOf } from './cluster.rules';
import { rtlProgramId } from './campaign.schemas';
import type { OpenCluster } from './cluster.state';

export const CAMPAIGN_ACTOR: Actor = { userId: 'system', name: 'Mutu (pendampingan)', roles: ['system'], schoolIds: [], regionIds: [] };

export function rtlProgramCommand(s: OpenCluster, schoolId: string, now: string): CommandOf<'CreateProgram'> {
  const school = s.schools.find((sc) => sc.schoolId === schoolId)!;
  const rtl = s.rtls.find((r) => r.schoolId === schoolId)!;
  const programId = rtlProgramId(s.campaignId, schoolId);
  // The budget year the follow-up falls in: that of its last action (an RTL may run past the
  // campaign's own year end); actions start on the day of approval, or their year's first day.
  const lastDue = rtl.actions.reduce((max, a) => (a.dueDate > max ? a.dueDate : max), rtl.actions[0].dueDate);
  const budgetYear = Number(lastDue.slice(0, 4));
  const approvedOn = localDateOf(now, s.timeZone);
  const yearStart = `${budgetYear}-01-01`;
  const startOf = (due: string) => (approvedOn > due ? due : approvedOn < yearStart ? yearStart : approvedOn);
  return {
    commandId: `campaign-rtl:${s.campaignId}:${schoolId}`,
    type: 'CreateProgram',
    actor: CAMPAIGN_ACTOR,
    now,
    payload: {
      programId,
      schoolId,
      regionId: school.regionId,
      budgetYear,
      timeZone: s.timeZone,
      title: `RTL ${s.campaignTitle} — ${school.name}`.slice(0, 300),
      plan: {
        objectives: [`Tindak lanjut pendampingan "${s.campaignTitle}" (${s.name})`.slice(0, 1000)],
        standard: null,
        indicators: [],
        activities: rtl.actions.map((a) => ({
          id: a.id,
          title: a.action.slice(0, 300),
          kind: 'other' as const,
          window: { start: startOf(a.dueDate), end: a.dueDate },
          budget: { line: 'Tindak lanjut pendampingan', amount: 0 },
          location: school.name,
          requiredEvidence: ['follow_up_plan' as const],
        })),
      },
    },
  };
}
