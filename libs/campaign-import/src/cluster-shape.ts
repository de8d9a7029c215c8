// The shape of one cluster, as the domain will insist on it when the cluster opens: one core
// school and impact schools 1..N-1 each once, meetings 1..N each once, in date order, inside the
// campaign period, and at least one team member. Findings go on the rows to fix.
import type { SheetErrors } from './sheet-errors';
import type { MeetingRecord, SchoolRecord, TeamRecord } from './sheet-rows';

export interface ClusterDraft {
  code: string;
  /** The first row that names this cluster, of any record kind. */
  firstRow: number;
  schools: SchoolRecord[];
  meetings: MeetingRecord[];
  team: TeamRecord[];
}

export function checkClusterShape(c: ClusterDraft, period: { start?: string; end?: string }, errors: SheetErrors): void {
  const size = checkPositions(c, errors);
  checkMeetings(c, size, period, errors);
  const emails = new Map<string, number>();
  for (const t of c.team) {
    if (t.email === undefined) continue;
    const first = emails.get(t.email);
    if (first !== undefined) errors.add(t.row, 'DUPLICATE_TEAM_MEMBER', `${t.email} is already on cluster ${c.code}'s team (row ${first}).`, 'email');
    else emails.set(t.email, t.row);
  }
  if (c.team.length === 0) errors.add(c.firstRow, 'MISSING_TEAM', `Cluster ${c.code} has no team rows (at least one trainer, agency staff, supervisor or principal).`, 'cluster');
}

/** Returns the cluster's intended size (highest position + 1), or undefined without school rows. */
function checkPositions(c: ClusterDraft, errors: SheetErrors): number | undefined {
  const at = new Map<number, number>();
  for (const s of c.schools) {
    if (s.position === undefined) continue;
    const first = at.get(s.position);
    if (first !== undefined) errors.add(s.row, 'DUPLICATE_POSITION', `Cluster ${c.code} already has its ${positionName(s.position)} school on row ${first}.`, 'position');
    else at.set(s.position, s.row);
  }
  if (!at.has(0)) errors.add(c.firstRow, 'MISSING_CORE_SCHOOL', `Cluster ${c.code} has no core school (a school row with position core).`, 'cluster');
  if (at.size === 0) return undefined;
  const size = Math.max(...at.keys()) + 1;
  for (let p = 1; p < size; p++) {
    if (!at.has(p)) errors.add(c.firstRow, 'POSITION_GAP', `Cluster ${c.code} has impact${size - 1} but no impact${p} school.`, 'cluster');
  }
  if (size < 2) errors.add(c.firstRow, 'CLUSTER_TOO_SMALL', `Cluster ${c.code} needs at least one impact school besides its core school.`, 'cluster');
  return size;
}

function checkMeetings(c: ClusterDraft, size: number | undefined, period: { start?: string; end?: string }, errors: SheetErrors): void {
  const byNumber = new Map<number, MeetingRecord>();
  for (const m of c.meetings) {
    if (m.number === undefined) continue;
    const first = byNumber.get(m.number);
    if (first) {
      errors.add(m.row, 'DUPLICATE_MEETING', `Cluster ${c.code} already has meeting ${m.number} on row ${first.row}.`, 'number');
      continue;
    }
    byNumber.set(m.number, m);
    if (size !== undefined && m.number > size) {
      errors.add(m.row, 'MEETING_COUNT', `Cluster ${c.code} has ${size} schools, so meetings 1 to ${size} (one per school); there is no meeting ${m.number}.`, 'number');
    }
    if (m.date && period.start && period.end && (m.date < period.start || m.date > period.end)) {
      errors.add(m.row, 'MEETING_OUTSIDE_PERIOD', `Meeting ${m.number} on ${m.date} is outside the campaign period ${period.start} – ${period.end}.`, 'date');
    }
  }
  if (size !== undefined) {
    const missing = Array.from({ length: size }, (_, i) => i + 1).filter((n) => !byNumber.has(n));
    if (missing.length > 0) {
      errors.add(c.firstRow, 'MEETING_COUNT', `Cluster ${c.code} has ${size} schools and needs one meeting per school; meeting ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing.`, 'cluster');
    }
  }
  // Meeting n may not be planned before meeting n-1 (the nearest earlier meeting with a date).
  let previous: MeetingRecord | undefined;
  for (const m of [...byNumber.values()].sort((a, b) => a.number! - b.number!)) {
    if (!m.date) continue;
    if (previous?.date && m.date < previous.date) {
      errors.add(m.row, 'MEETING_ORDER', `Meeting ${m.number} (${m.date}) is planned before meeting ${previous.number} (${previous.date}, row ${previous.row}).`, 'date');
    }
    previous = m;
  }
}

function positionName(p: number): string {
  return p === 0 ? 'core' : `impact${p}`;
}
