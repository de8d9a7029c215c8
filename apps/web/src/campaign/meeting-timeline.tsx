// The cluster's meetings in order, each with its documentation once held: who came, which
// materials, the minutes and the photos; the team reschedules a meeting not yet held.
import type { ClusterDetailView, MeetingDetailView } from '../api/types';
import { dateTime, localDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { EvidenceThumb } from '../program/evidence-image';
import { useSession } from '../session';
import { MeetingReschedule } from './meeting-reschedule';
import { MeetingStatusBadge } from './meeting-status';
import { isTeam } from './roles';
import { photoPath } from './paths';

function Documentation({ cluster, meeting }: { cluster: ClusterDetailView; meeting: MeetingDetailView }) {
  const { t, lang } = useI18n();
  const titleOf = (id: string) => cluster.materials.find((m) => m.id === id)?.title ?? id;
  const { session } = useSession();
  const me = session?.user.userId === meeting.documentedBy ? session?.user.name : undefined;
  const nameOf = (userId: string) => cluster.team.find((m) => m.userId === userId)?.name ?? me ?? userId;
  return (
    <>
      <dl className="facts">
        <dt>{t('attendance')}</dt>
        <dd data-testid="attendance-count">
          {t('attendanceCount', { n: meeting.attendance.length })}: {meeting.attendance.map((a) => a.name).join(', ')}
        </dd>
        <dt>{t('materialsCovered')}</dt>
        <dd>{meeting.materialsCovered.length ? meeting.materialsCovered.map(titleOf).join(', ') : t('none')}</dd>
        <dt>{t('minutes')}</dt>
        <dd className="minutes">{meeting.minutes}</dd>
        {meeting.photos.length > 0 && (
          <>
            <dt>{t('photos')}</dt>
            <dd className="thumbs" data-testid="meeting-photos">
              {meeting.photos.map((p) => (
                <figure key={p.sha256} className="photo">
                  <EvidenceThumb sha256={p.sha256} mimeType={p.mimeType} filename={p.filename}
                    src={photoPath(cluster.campaignId, cluster.clusterId, meeting.number, p.sha256)} />
                  <figcaption>{p.filename}</figcaption>
                </figure>
              ))}
            </dd>
          </>
        )}
      </dl>
      {meeting.documentedBy && <p className="muted">{t('documentedBy', { name: nameOf(meeting.documentedBy), when: dateTime(meeting.documentedAt, lang) })}</p>}
    </>
  );
}

export function MeetingTimeline({ cluster, reload }: { cluster: ClusterDetailView; reload?(): void }) {
  const { t, lang } = useI18n();
  const canMove = reload !== undefined && cluster.status === 'open' && isTeam(cluster.myRole);
  return (
    <section aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t('meetingsTimeline')}</h2>
      <ol className="plain meetings">
        {cluster.meetings.map((m) => (
          <li key={m.number} className={`card meeting meeting-card-${m.status}`} data-testid={`meeting-${m.number}`} data-status={m.status}>
            <h3>{t('meetingN', { n: m.number })} · {m.hostSchoolName}</h3>
            <p>
              {m.heldOn ? t('heldOnText', { date: localDate(m.heldOn, lang) }) : t('plannedOn', { date: localDate(m.plannedDate, lang) })} ·{' '}
              <MeetingStatusBadge meeting={m} />
            </p>
            {m.status === 'done' ? <Documentation cluster={cluster} meeting={m} /> : <p className="muted">{t('notDocumented')}</p>}
            {canMove && m.status !== 'done' && <MeetingReschedule cluster={cluster} meeting={m} onDone={reload} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
