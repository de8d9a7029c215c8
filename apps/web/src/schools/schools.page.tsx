// Schools of the education office's regions with their assigned supervisors (pengawas binaan), and
// a people picker to set them: for district officers of the region and admins.
import { useState } from 'react';
import { api } from '../api/client';
import { ErrorMessage, Loading, Notice } from '../components/feedback';
import { TextField } from '../components/field';
import { useI18n } from '../i18n/i18n';
import { useAsync } from '../use-async';
import { schoolsText } from './messages.schools';
import { SchoolSupervisorsEditor } from './school-supervisors-editor';
import type { RegionSchools, SchoolRow } from './schools.types';

const SHOWN = 50;

function SchoolItem({ school, region, onSaved }: { school: SchoolRow; region: RegionSchools; onSaved(changed: boolean): void }) {
  const { lang } = useI18n();
  const tx = schoolsText(lang);
  const [editing, setEditing] = useState(false);
  const headingId = `school-${school.schoolId}`;
  return (
    <li className="program-card" data-testid={`school-${school.schoolId}`}>
      <span className="program-title" id={headingId}>{school.name}</span>
      <span className="muted">{tx.npsn} {school.npsn ?? '—'}</span>
      <span>
        {tx.assigned}:{' '}
        {school.supervisors.length === 0 ? (
          <span className="badge" data-testid="fallback">{tx.none}</span>
        ) : (
          school.supervisors.map((s, i) => (
            <span key={s.userId} data-testid="assigned-supervisor">
              {i > 0 ? ', ' : ''}
              {s.name ?? s.userId}
              {!s.active ? ` (${tx.inactive})` : ''}
            </span>
          ))
        )}
      </span>
      {editing ? (
        <SchoolSupervisorsEditor
          school={school}
          supervisors={region.supervisors}
          onDone={(changed) => {
            setEditing(false);
            if (changed !== null) onSaved(changed);
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)} aria-describedby={headingId}>{tx.assign}</button>
        </div>
      )}
    </li>
  );
}

export function SchoolsPage() {
  const { lang } = useI18n();
  const tx = schoolsText(lang);
  const [reloads, setReloads] = useState(0);
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const res = useAsync(() => api.get<{ regions: RegionSchools[] }>('/schools/supervisors'), [reloads]);
  const q = query.trim().toLowerCase();

  return (
    <section aria-labelledby="schools-title">
      <h1 id="schools-title">{tx.title}</h1>
      <p className="muted">{tx.intro}</p>
      <TextField label={tx.search} value={query} onChange={(e) => setQuery(e.target.value)} type="search" />
      <Notice text={notice} />
      {res.loading && !res.data && <Loading />}
      <ErrorMessage error={res.error} />
      {(res.data?.regions ?? []).map((region) => {
        const matching = region.schools.filter((s) => !q || s.name.toLowerCase().includes(q) || (s.npsn ?? '').includes(q));
        return (
          <section key={region.regionId} className="card" aria-labelledby={`region-${region.regionId}`} data-testid={`region-${region.regionId}`}>
            <h2 id={`region-${region.regionId}`}>{region.name}</h2>
            <p className="muted">{tx.shown(Math.min(matching.length, SHOWN), region.schools.length)}</p>
            {matching.length === 0 && <p>{tx.noMatch}</p>}
            <ul className="program-list">
              {matching.slice(0, SHOWN).map((s) => (
                <SchoolItem
                  key={s.schoolId}
                  school={s}
                  region={region}
                  onSaved={(changed) => {
                    setNotice(changed ? tx.saved(s.name) : tx.unchanged);
                    setReloads((n) => n + 1);
                  }}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
