// A fully checked sheet → the CampaignSetup, plus the way back from a setup path to its sheet row
// (for whatever the domain's own checks still refuse).
import type { Actor, CampaignSetup } from '@mutu/domain';
import type { Resolved } from './campaign-directory';
import type { ClusterDraft } from './cluster-shape';
import type { CampaignRecord } from './sheet-rows';

/** Only called without findings, so every field the checks required is present. */
export function buildSetup(campaignId: string, c: CampaignRecord, clusters: ClusterDraft[], resolved: Resolved, actor: Actor): CampaignSetup {
  return {
    campaignId,
    title: c.title!,
    regionId: c.regionId!,
    organiser: c.organiser!,
    organiserIds: [actor.userId],
    timeZone: c.timeZone,
    period: { start: c.start!, end: c.end! },
    materials: c.materials,
    clusters: clusters.map((cl) => {
      const schools = [...cl.schools].sort((a, b) => a.position! - b.position!).map((s) => {
        const school = resolved.schools.get(s.key!)!;
        return { schoolId: school.schoolId, name: school.name, regionId: school.regionId, position: s.position! };
      });
      return {
        clusterId: cl.code,
        name: `${cl.code} – ${schools[0].name}`,
        schools,
        team: cl.team.map((t) => {
          const user = resolved.users.get(t.email!)!;
          return { userId: user.userId, name: t.name ?? user.name, role: t.role! };
        }),
        meetings: [...cl.meetings].sort((a, b) => a.number! - b.number!).map((m) => ({ number: m.number!, date: m.date! })),
      };
    }),
  };
}

/** The sheet row behind a setup path such as clusters.3.schools.1.name (the campaign row otherwise). */
export function setupIssueRow(path: readonly string[], c: CampaignRecord, clusters: ClusterDraft[]): number {
  if (path[0] !== 'clusters' || path[1] === undefined) return c.row;
  const cl = clusters[Number(path[1])];
  if (!cl) return c.row;
  const j = Number(path[3]);
  if (path[2] === 'schools') return [...cl.schools].sort((a, b) => a.position! - b.position!)[j]?.row ?? cl.firstRow;
  if (path[2] === 'meetings') return [...cl.meetings].sort((a, b) => a.number! - b.number!)[j]?.row ?? cl.firstRow;
  if (path[2] === 'team') return cl.team[j]?.row ?? cl.firstRow;
  return cl.firstRow;
}
