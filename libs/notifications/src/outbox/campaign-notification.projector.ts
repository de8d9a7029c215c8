import type { EntityManager } from 'typeorm';
import type { Projector, StoredEvent } from '@mutu/persistence';
import { queueNotice, type Notice } from './notice-queue';

const PREFIX = 'cluster-';
/** The outbox "stage" of everything a mentoring cluster sends. */
export const MENTORING_STAGE = 'mentoring';

interface ClusterRow {
  campaign_id: string;
  state: {
    campaignTitle: string;
    name: string;
    regionId: string;
    organiserIds: string[];
    team: { userId: string }[];
    schools: { schoolId: string; name: string }[];
    meetings: { number: number; hostSchoolId: string; plannedDate: string }[];
  };
}

/**
 * Meeting reminders go to the cluster's team, an overdue meeting to the team too, and escalations
 * to the campaign's organisers (level 1) and then the region's education office (level 2). Runs
 * after the CampaignProjector in the append's transaction (it reads the cluster row just written).
 * Documenting a meeting cancels what is still pending for it.
 */
export class CampaignNotificationProjector implements Projector {
  readonly name = 'campaign-notifications';
  readonly tables = [] as const;

  async apply(tx: EntityManager, streamId: string, events: StoredEvent[]): Promise<void> {
    if (!streamId.startsWith(PREFIX)) return;
    for (const e of events) {
      if (e.type === 'MeetingDocumented') {
        await tx.query(
          `UPDATE notification_outbox SET status = 'dead', last_error = 'meeting documented', lease_until = NULL
           WHERE program_id = $1 AND stage = $2 AND kind LIKE $3 AND status = 'pending'`,
          [streamId, MENTORING_STAGE, `meeting-${Number(e.data.number)}:%`],
        );
        continue;
      }
      if (e.type !== 'MeetingReminderIssued' && e.type !== 'MeetingOverdue' && e.type !== 'MeetingEscalated') continue;
      const cluster: ClusterRow | undefined = (await tx.query('SELECT campaign_id, state FROM campaign_clusters WHERE stream_id = $1', [streamId]))[0];
      if (!cluster) continue;
      await queueNotice(tx, streamId, e, await this.noticeOf(tx, e, cluster));
    }
  }

  private async noticeOf(tx: EntityManager, e: StoredEvent, c: ClusterRow): Promise<Notice> {
    const d = e.data as { number: number; date?: string; dueDate?: string; offsetWorkingDays?: number; level?: number; to?: string };
    const meeting = c.state.meetings.find((m) => m.number === d.number);
    const host = c.state.schools.find((s) => s.schoolId === meeting?.hostSchoolId)?.name ?? meeting?.hostSchoolId ?? '';
    const params = {
      programTitle: `${c.state.campaignTitle} — ${c.state.name}`,
      stage: MENTORING_STAGE,
      activityTitle: `Pertemuan ${d.number} di ${host}`,
      dueDate: d.date ?? d.dueDate ?? '',
    };
    const team = c.state.team.map((t) => t.userId);
    const kind = `meeting-${d.number}`;
    if (e.type === 'MeetingReminderIssued') {
      return { stage: MENTORING_STAGE, kind: `${kind}:reminder:${d.offsetWorkingDays}`, dueDate: String(d.date), template: 'reminder', userIds: team, params: { ...params, offsetWorkingDays: d.offsetWorkingDays } };
    }
    if (e.type === 'MeetingOverdue') {
      return { stage: MENTORING_STAGE, kind: `${kind}:missed`, dueDate: String(d.dueDate), template: 'deadline_missed', userIds: team, params };
    }
    const userIds = d.to === 'organiser' ? c.state.organiserIds : await this.educationOffice(tx, c.state.regionId);
    return {
      stage: MENTORING_STAGE,
      kind: `${kind}:escalation:${d.level}`,
      dueDate: String(d.dueDate),
      template: 'escalation',
      userIds,
      params: { ...params, level: d.level, toRole: d.to === 'organiser' ? 'organiser' : 'district_officer' },
    };
  }

  private async educationOffice(tx: EntityManager, regionId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await tx.query(
      `SELECT user_id FROM users WHERE NOT disabled AND 'district_officer' = ANY(roles) AND $1 = ANY(region_ids) ORDER BY user_id`,
      [regionId],
    );
    return rows.map((r) => r.user_id);
  }
}
