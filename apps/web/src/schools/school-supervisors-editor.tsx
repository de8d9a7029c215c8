// The people picker of one school: the region's supervisors as checkboxes, saved as the whole set.
import { useState } from 'react';
import { api } from '../api/client';
import { ErrorMessage } from '../components/feedback';
import { CheckboxGroup } from '../components/field';
import { useI18n } from '../i18n/i18n';
import { useAction } from '../use-async';
import { schoolsText } from './messages.schools';
import type { RegionSupervisor, SchoolRow } from './schools.types';

export function SchoolSupervisorsEditor({ school, supervisors, onDone }: { school: SchoolRow; supervisors: RegionSupervisor[]; onDone(changed: boolean | null): void }) {
  const { lang } = useI18n();
  const tx = schoolsText(lang);
  const [chosen, setChosen] = useState(school.supervisors.filter((s) => s.active).map((s) => s.userId));
  const { busy, error, run } = useAction();
  const issue = error?.issues?.find((i) => i.path === 'supervisorIds' || i.path.startsWith('supervisorIds.'))?.message;

  const save = async () => {
    const saved = await run(() => api.put<{ changed: boolean }>(`/schools/${encodeURIComponent(school.schoolId)}/supervisors`, { supervisorIds: chosen }));
    if (saved !== undefined) onDone(saved.changed);
  };

  if (supervisors.length === 0) return <p className="muted">{tx.noSupervisors}</p>;
  return (
    <div className="card inner" data-testid={`editor-${school.schoolId}`}>
      <CheckboxGroup
        legend={`${tx.pick}: ${school.name}`}
        options={supervisors.map((s) => ({ value: s.userId, text: s.name }))}
        value={chosen}
        onChange={setChosen}
        disabled={busy}
        issue={issue}
      />
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" className="primary" onClick={save} disabled={busy}>{tx.save}</button>
        <button type="button" onClick={() => onDone(null)} disabled={busy}>{tx.cancel}</button>
      </div>
    </div>
  );
}
