// Clusters × meetings: one row per cluster, one column per meeting. On a phone the table scrolls
// sideways inside its own focusable region while the cluster column stays in place.
import type { ClusterRowView } from '../api/types';
import { localDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { MeetingStatusBadge } from './meeting-status';
import { clusterPath } from './paths';

export function MeetingGrid({ campaignId, clusters }: { campaignId: string; clusters: ClusterRowView[] }) {
  const { t, lang } = useI18n();
  const columns = Array.from({ length: Math.max(0, ...clusters.map((c) => c.meetings.length)) }, (_, i) => i + 1);
  return (
    <section>
      <h2 id="grid-title">{t('meetingGrid')}</h2>
      <p className="hint">{t('gridHint')}</p>
      <div className="grid-wrap" role="region" aria-labelledby="grid-title" tabIndex={0}>
        <table className="meeting-grid" data-testid="meeting-grid">
          <thead>
            <tr>
              <th scope="col">{t('cluster')}</th>
              {columns.map((n) => <th key={n} scope="col">{t('meetingN', { n })}</th>)}
              <th scope="col">{t('rtlShort')}</th>
            </tr>
          </thead>
          <tbody>
            {clusters.map((c) => (
              <tr key={c.clusterId} data-testid={`cluster-row-${c.clusterId}`}>
                <th scope="row">
                  <Link to={clusterPath(campaignId, c.clusterId)}>{c.name}</Link>
                  <span className="muted block">{c.coreSchoolName}</span>
                </th>
                {columns.map((n) => {
                  const m = c.meetings.find((x) => x.number === n);
                  return (
                    <td key={n} className={m ? `cell-${m.status}` : undefined} data-testid={`cell-${c.clusterId}-${n}`} data-status={m?.status}>
                      {m && (
                        <>
                          <span className="block">{m.hostSchoolName}</span>
                          <span className="muted block">{localDate(m.heldOn ?? m.plannedDate, lang)}</span>
                          <MeetingStatusBadge meeting={m} />
                        </>
                      )}
                    </td>
                  );
                })}
                <td>{c.rtlApproved}/{c.schoolCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
