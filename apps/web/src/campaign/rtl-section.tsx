// Every school's follow-up plan with its status; the team (or the school itself) submits it once the
// school has hosted its meeting, and the organiser, a trainer or the supervisor decides on it.
import type { ClusterDetailView, RtlView } from '../api/types';
import { localDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import { DecisionPanel } from '../program/decision-panel';
import { Link } from '../router';
import { useSession } from '../session';
import { rtlPath } from './paths';
import { isRtlApprover, isTeam } from './roles';
import { RtlForm } from './rtl-form';

function RtlCard({ cluster, rtl, reload }: { cluster: ClusterDetailView; rtl: RtlView; reload(): void }) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const me = session?.user.userId;
  const role = cluster.myRole;
  const path = rtlPath(cluster.campaignId, cluster.clusterId, rtl.schoolId);
  const position = cluster.schools.find((s) => s.schoolId === rtl.schoolId)?.position ?? 0;
  const hosted = cluster.meetings.find((m) => m.number === position + 1);
  const mayAuthor = isTeam(role) || (role === 'school' && !!session?.user.schoolIds.includes(rtl.schoolId));
  const canSubmit = rtl.status === 'none' && mayAuthor && hosted?.status === 'done';
  const canDecide = rtl.status === 'submitted' && isRtlApprover(role) && rtl.submittedBy !== me;

  return (
    <li className="card" data-testid={`rtl-${rtl.schoolId}`} data-status={rtl.status}>
      <h3>{rtl.schoolName}</h3>
      <p>{t('status')}: <strong className={`rtl-${rtl.status}`}>{label('rtlStatus', rtl.status, lang)}</strong></p>
      {rtl.lastRejection && <p className="warn-text">{t('lastRejection', { reason: rtl.lastRejection })}</p>}
      {rtl.actions.length > 0 && (
        <ul>
          {rtl.actions.map((a) => <li key={a.id}>{a.action} — {a.owner}, {localDate(a.dueDate, lang)}</li>)}
        </ul>
      )}
      {rtl.programId && <Link to={`/programs/${encodeURIComponent(rtl.programId)}`}>{t('rtlProgram')}</Link>}
      {canSubmit && (
        <details>
          <summary>{t('submitRtl')}</summary>
          <RtlForm path={path} onDone={reload} />
        </details>
      )}
      {canDecide && <DecisionPanel title={t('decideRtl', { school: rtl.schoolName })} path={`${path}/decision`} onDone={reload} />}
    </li>
  );
}

export function RtlSection({ cluster, reload }: { cluster: ClusterDetailView; reload(): void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="rtl-title">
      <h2 id="rtl-title">{t('rtlTitle')}</h2>
      <ul className="plain">
        {cluster.rtls.map((r) => <RtlCard key={r.schoolId} cluster={cluster} rtl={r} reload={reload} />)}
      </ul>
    </section>
  );
}
