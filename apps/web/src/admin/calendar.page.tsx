// Days off of a region and year: national ones (collective leave) and the region's own; load a
// year's national holidays and collective leave from the decree data; add or remove a day off.
import { useState, type FormEvent } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api, query, request } from '../api/client';
import { ErrorMessage, Loading, Notice } from '../components/feedback';
import { SelectField, TextField } from '../components/field';
import { useAction, useAsync } from '../use-async';
import { AdminShell } from './admin-shell';
import { useAdminText } from './admin-text';
import { RegionPicker, useRegions } from './region-picker';

interface DayOff {
  dayOffId: string;
  date: string;
  kind: 'collective_leave' | 'local';
  regionId: string | null;
  schoolId: string | null;
  name: string;
}
interface DecreeYear {
  year: number;
  decree: string;
}
interface Seeded {
  year: number;
  decree: string;
  holidaysAdded: string[];
  collectiveLeaveAdded: string[];
}

export function AdminCalendarPage() {
  const { a } = useAdminText();
  const regions = useRegions();
  const [picked, setPicked] = useState('');
  const regionId = picked || regions.data?.[0]?.regionId || '';
  const [year, setYear] = useState(new Date().getFullYear());
  const [reloads, setReloads] = useState(0);
  const days = useAsync(() => (regionId ? api.get<DayOff[]>(`/admin/days-off${query({ year, regionId })}`) : Promise.resolve([])), [regionId, year, reloads]);
  const decrees = useAsync(() => api.get<DecreeYear[]>('/admin/national-days-off'), []);
  const [notice, setNotice] = useState<string | null>(null);
  const [form, setForm] = useState({ date: '', name: '', kind: 'local' });
  const seed = useAction();
  const add = useAction();
  const remove = useAction();
  const issues = issuesUnder(add.error?.issues ?? []);
  const reload = () => setReloads((n) => n + 1);

  const onSeed = async () => {
    setNotice(null);
    const r = await seed.run(() => api.post<Seeded>(`/admin/national-days-off/${year}`));
    if (r) {
      setNotice(a('seeded', { year: r.year, leave: r.collectiveLeaveAdded.length, holidays: r.holidaysAdded.length, decree: r.decree }));
      reload();
    }
  };
  const onAdd = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const body = { date: form.date, name: form.name, kind: form.kind, ...(form.kind === 'local' ? { regionId } : {}) };
    if ((await add.run(() => api.post('/admin/days-off', body))) !== undefined) {
      setForm({ date: '', name: '', kind: 'local' });
      reload();
    }
  };
  const onRemove = async (d: DayOff) => {
    if ((await remove.run(() => request('DELETE', `/admin/days-off/${d.dayOffId}`))) !== undefined) reload();
  };

  return (
    <AdminShell title="calendarTitle">
      <ErrorMessage error={regions.error} />
      <div className="row">
        <RegionPicker regions={regions.data ?? []} value={regionId} onChange={setPicked} />
        <TextField label={a('year')} type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value) || year)} />
      </div>
      <section className="card" aria-labelledby="seed-title">
        <h2 id="seed-title">{a('seedTitle')}</h2>
        <p>{a('seedIntro', { years: (decrees.data ?? []).map((d) => d.year).join(', ') })}</p>
        <div className="actions"><button type="button" className="primary" disabled={seed.busy} onClick={() => void onSeed()}>{a('seedYear', { year })}</button></div>
        <ErrorMessage error={seed.error} />
      </section>
      <Notice text={notice} />
      {days.loading && !days.data && <Loading />}
      <ErrorMessage error={days.error ?? remove.error} />
      {days.data?.length === 0 && <p>{a('noDaysOff')}</p>}
      <ul className="plain" data-testid="days-off">
        {(days.data ?? []).map((d) => (
          <li key={d.dayOffId} className="entry" data-kind={d.kind} data-date={d.date}>
            <strong>{d.date}</strong> {d.name}
            <div className="meta">{d.kind === 'collective_leave' ? a('collectiveLeave') : a('localDayOff')} · {d.schoolId ?? d.regionId ?? a('national')}</div>
            <button type="button" disabled={remove.busy} onClick={() => void onRemove(d)}>{a('remove', { name: `${d.date} ${d.name}` })}</button>
          </li>
        ))}
      </ul>
      <form className="card" onSubmit={onAdd} noValidate aria-labelledby="add-day-title">
        <h2 id="add-day-title">{a('addDayOff')}</h2>
        <div className="row">
          <TextField label={a('date')} type="date" value={form.date} issue={issues.get('date')} onChange={(e) => setForm({ ...form, date: e.target.value })} />
          <TextField label={a('dayName')} value={form.name} issue={issues.get('name')} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <SelectField label={a('kind')} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}
            options={[{ value: 'local', text: a('localDayOff') }, { value: 'collective_leave', text: a('collectiveLeave') }]} />
        </div>
        <div className="actions"><button type="submit" disabled={add.busy}>{a('addDayOff')}</button></div>
        <ErrorMessage error={add.error} />
      </form>
    </AdminShell>
  );
}
