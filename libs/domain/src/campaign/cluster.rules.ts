// Who acts in a cluster, and the date rules every meeting decision shares.
import { type Actor, hasRole, isInScope } from '../actor';
import { DomainError } from '../errors';
import type { CampaignTeamRole } from './campaign.schemas';
import { isCluster, type ClusterState, type MeetingState, type OpenCluster } from './cluster.state';

export type ClusterRole = CampaignTeamRole | 'organiser' | 'school' | 'system';

/** The role the actor holds in this cluster, if any: system, organiser, team role, or school. */
export function clusterRoleOf(actor: Actor, s: OpenCluster): ClusterRole | undefined {
  if (hasRole(actor, 'system')) return 'system';
  if (s.organiserIds.includes(actor.userId)) return 'organiser';
  const member = s.team.find((t) => t.userId === actor.userId);
  if (member) return member.role;
  const ownSchool = s.schools.some((sc) => actor.schoolIds.includes(sc.schoolId));
  if (ownSchool && (hasRole(actor, 'principal') || hasRole(actor, 'qa_team'))) return 'school';
  return undefined;
}

/** Exists and in scope (404 otherwise); readers in scope then meet the role check (403). */
export function requireCluster(state: ClusterState, actor: Actor): OpenCluster {
  if (!isCluster(state)) throw new DomainError('NOT_FOUND', 'Cluster not found.');
  const sees = clusterRoleOf(actor, state) !== undefined || hasRole(actor, 'admin') || state.schools.some((sc) => isInScope(actor, sc));
  if (!sees) {
    throw new DomainError('OUT_OF_SCOPE', 'Cluster not found.');
  }
  return state;
}

export function requireClusterRole(actor: Actor, s: OpenCluster, allowed: readonly ClusterRole[], action: string): ClusterRole {
  const role = clusterRoleOf(actor, s);
  if (role === undefined || !allowed.includes(role)) {
    throw new DomainError('FORBIDDEN_ROLE', `Only the campaign's ${allowed.join(' or ')} may ${action}.`, { allowed: [...allowed] });
  }
  return role;
}

export function requireOpen(s: OpenCluster): void {
  if (s.status === 'completed') throw new DomainError('CLUSTER_COMPLETED', 'This cluster has completed its mentoring.');
}

export function requireMeeting(s: OpenCluster, number: number): MeetingState {
  const m = s.meetings.find((x) => x.number === number);
  if (!m) throw new DomainError('NOT_FOUND', `Meeting ${number} does not exist in this cluster.`);
  return m;
}

export function requireInPeriod(s: OpenCluster, date: string, what: string): void {
  if (date < s.period.start || date > s.period.end) {
    throw new DomainError('MEETING_OUTSIDE_PERIOD', `${what} ${date} is outside the campaign period ${s.period.start} – ${s.period.end}.`, {
      date,
      period: s.period,
    });
  }
}

/** The calendar date of an instant in a time zone (Intl is available in the workflow sandbox). */
export function localDateOf(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** The date a meeting happened or is planned for: what the next meeting must not precede. */
export function meetingDate(m: MeetingState): string {
  return m.documentation?.heldOn ?? m.plannedDate;
}

export function isComplete(s: OpenCluster): boolean {
  return s.meetings.every((m) => m.status === 'documented') && s.rtls.every((r) => r.status === 'approved');
}
