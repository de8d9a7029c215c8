// The attendance list of a meeting: one row per person present (name, and function or school).
import type { Attendee } from '../api/types';
import { TextField } from '../components/field';
import { useI18n } from '../i18n/i18n';

export interface AttendeeDraft {
  name: string;
  function: string;
}

export const toAttendees = (rows: AttendeeDraft[]): Attendee[] =>
  rows.map((r) => ({ name: r.name.trim(), ...(r.function.trim() ? { function: r.function.trim() } : {}) }));

export function AttendanceEditor({ rows, onChange, issues }: {
  rows: AttendeeDraft[];
  onChange(rows: AttendeeDraft[]): void;
  /** API issues keyed by the path under `attendance.` ("0.name"). */
  issues: Map<string, string>;
}) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<AttendeeDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="attendance" data-testid="attendance">
      <legend>{t('attendance')}</legend>
      {rows.length === 0 && <p className="muted">{t('noAttendees')}</p>}
      <ol className="plain">
        {rows.map((r, i) => (
          <li key={i} className="row">
            <TextField label={t('attendeeName', { n: i + 1 })} value={r.name} issue={issues.get(`${i}.name`)} autoComplete="off"
              onChange={(e) => set(i, { name: e.target.value })} />
            <TextField label={t('attendeeFunction', { n: i + 1 })} value={r.function} issue={issues.get(`${i}.function`)} autoComplete="off"
              onChange={(e) => set(i, { function: e.target.value })} />
            <button type="button" className="danger" onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t('removeAttendee', { n: i + 1 })}</button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...rows, { name: '', function: '' }])}>{t('addAttendee')}</button>
    </fieldset>
  );
}
