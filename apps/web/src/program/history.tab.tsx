// What happened, read from the program state: stage changes, decisions, reminders, escalations.
import { dateTime, localDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import type { ProgramTabProps } from './program-tab';
import { personName, personWithRole } from './people';

interface Row {
  at: string;
  text: string;
}

export function HistoryTab({ program, view }: ProgramTabProps) {
  const { t, lang } = useI18n();
  const rows: Row[] = [
    { at: program.createdAt, text: `${t('createdBy')} ${personWithRole(view.people, program.createdBy, lang)}` },
    ...program.stageHistory.map((h) => ({ at: h.enteredAt, text: `${t('stageAt')}: ${label('stage', h.stage, lang)}` })),
    ...program.approvals.map((a) => ({
      at: a.at,
      text: `${a.decision === 'approve' ? t('approve') : t('reject')} (${a.stage}) — ${personWithRole(view.people, a.by, lang, a.role)}${a.reason ? `: “${a.reason}”` : ''}`,
    })),
    ...program.reminders.map((r) => ({ at: r.at, text: `${t('kind_reminder')}: ${label('stage', r.stage, lang)} → ${label('role', r.recipientRole, lang)} (${r.dueDate})` })),
    ...program.escalations.map((e) => ({ at: e.at, text: `${t('kind_escalation')} ${e.level}: ${label('stage', e.stage, lang)} → ${label('role', e.toRole, lang)}` })),
    ...program.deadlineExtensions.map((e) => ({ at: e.at, text: `${t('deadline')} → ${localDate(e.newDueDate, lang)} (${personName(view.people, e.by)}): ${e.reason}` })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (rows.length === 0) return <p>{t('historyEmpty')}</p>;
  return (
    <ol className="history" aria-label={t('tabHistory')}>
      {rows.map((r, i) => (
        <li key={i}>
          <time dateTime={r.at}>{dateTime(r.at, lang, program.timeZone)}</time> {r.text}
        </li>
      ))}
    </ol>
  );
}
