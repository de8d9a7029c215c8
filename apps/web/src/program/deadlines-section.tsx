// Every deadline of the program's current stage: due date, reminders sent, extension history (with
// the supervisor's name); a supervisor extends a deadline from its row.
import type { ProgramView } from '../api/types';
import { dateTime, localDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { label } from '../i18n/labels';
import { ExtendDeadlineForm } from './extend-deadline';
import { personName } from './people';

export interface DeadlineView {
  key: string;
  stage: string;
  activityId: string | null;
  activityTitle: string | null;
  dueDate: string;
  ownerRole: string;
  extended: boolean;
  remindersSent: { kind: string; dueDate: string; recipientRole: string; at: string }[];
  extensions: { newDueDate: string; reason: string; by: string; at: string }[];
  missed: boolean;
}

export function DeadlinesSection({ view, timeZone, canExtend = false, onChange }: { view: ProgramView; timeZone: string; canExtend?: boolean; onChange?(): void }) {
  const { t, lang } = useI18n();
  const deadlines = (view as ProgramView & { deadlines?: DeadlineView[] }).deadlines ?? [];
  return (
    <section className="card" aria-labelledby="deadlines-title" data-testid="deadlines">
      <h2 id="deadlines-title">{t('deadlinesTitle')}</h2>
      {deadlines.length === 0 ? (
        <p className="muted">{t('deadlinesEmpty')}</p>
      ) : (
        // Scrolls sideways on a phone: focusable so a keyboard can scroll it too.
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="deadlines-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('deadlineWhat')}</th>
                <th scope="col">{t('deadlineDue')}</th>
                <th scope="col">{t('deadlineReminders')}</th>
                <th scope="col">{t('deadlineExtensions')}</th>
              </tr>
            </thead>
            <tbody>
              {deadlines.map((d) => (
                <tr key={d.key} data-deadline={d.key}>
                  <th scope="row">
                    {label('stage', d.stage, lang)}
                    {d.activityTitle && <> · {d.activityTitle}</>}
                  </th>
                  <td>
                    <time dateTime={d.dueDate} data-testid="due-date">{localDate(d.dueDate, lang)}</time>
                    {d.extended && <> <span className="badge">{t('deadlineExtended')}</span></>}
                    {d.missed && <> <span className="badge meeting-overdue">{t('deadlineMissed')}</span></>}
                    {canExtend && <ExtendDeadlineForm programId={view.programId} target={d} onDone={() => onChange?.()} />}
                  </td>
                  <td>
                    {d.remindersSent.length === 0 ? (
                      <span className="muted">{t('none')}</span>
                    ) : (
                      <ul className="plain">
                        {d.remindersSent.map((r) => (
                          <li key={`${r.kind}-${r.at}`}>{dateTime(r.at, lang, timeZone)} · {label('role', r.recipientRole, lang)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {d.extensions.length === 0 ? (
                      <span className="muted">{t('none')}</span>
                    ) : (
                      <ul className="plain">
                        {d.extensions.map((x) => (
                          <li key={x.at}>{t('extensionLine', { date: localDate(x.newDueDate, lang), by: personName(view.people, x.by), reason: x.reason })}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
