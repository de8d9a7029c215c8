// Regions and schools: the lists, and a form for each to add one by hand (bulk: the import page).
import { useState, type FormEvent } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import { ErrorMessage, Loading, Notice } from '../components/feedback';
import { SelectField, TextField } from '../components/field';
import { useAction, useAsync } from '../use-async';
import { AdminShell } from './admin-shell';
import { useAdminText } from './admin-text';

export interface AdminRegion {
  regionId: string;
  name: string;
}
interface AdminSchool {
  schoolId: string;
  regionId: string;
  name: string;
  npsn: string | null;
  level: string;
  timeZone: string;
  subDistrict: string | null;
}

const LEVELS = ['SD', 'SMP', 'SMA', 'SMK'];
const ZONES = [['Asia/Jakarta', 'WIB'], ['Asia/Makassar', 'WITA'], ['Asia/Jayapura', 'WIT']];

function CreateRegion({ onCreated }: { onCreated: () => void }) {
  const { a } = useAdminText();
  const [f, setF] = useState({ regionId: '', name: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if ((await run(() => api.post('/admin/regions', f))) !== undefined) {
      setNotice(a('created', { id: f.regionId }));
      setF({ regionId: '', name: '' });
      onCreated();
    }
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="create-region-title">
      <h3 id="create-region-title">{a('createRegion')}</h3>
      <div className="row">
        <TextField label={a('regionId')} value={f.regionId} issue={issues.get('regionId')} onChange={(e) => setF({ ...f, regionId: e.target.value })} />
        <TextField label={a('name')} value={f.name} issue={issues.get('name')} onChange={(e) => setF({ ...f, name: e.target.value })} />
      </div>
      <div className="actions"><button type="submit" className="primary" disabled={busy}>{a('createRegion')}</button></div>
      <ErrorMessage error={error} />
      <Notice text={notice} />
    </form>
  );
}

function CreateSchool({ regions, onCreated }: { regions: AdminRegion[]; onCreated: () => void }) {
  const { a } = useAdminText();
  const empty = { schoolId: '', name: '', npsn: '', level: 'SD', subDistrict: '', regionId: '', timeZone: 'Asia/Jakarta' };
  const [f, setF] = useState(empty);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const regionId = f.regionId || regions[0]?.regionId || '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const body = { schoolId: f.schoolId, name: f.name, regionId, level: f.level, timeZone: f.timeZone, ...(f.npsn ? { npsn: f.npsn } : {}), ...(f.subDistrict ? { subDistrict: f.subDistrict } : {}) };
    if ((await run(() => api.post('/admin/schools', body))) !== undefined) {
      setNotice(a('created', { id: f.schoolId }));
      setF(empty);
      onCreated();
    }
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="create-school-title">
      <h3 id="create-school-title">{a('createSchool')}</h3>
      <div className="row">
        <TextField label={a('schoolId')} value={f.schoolId} issue={issues.get('schoolId')} onChange={set('schoolId')} />
        <TextField label={a('name')} value={f.name} issue={issues.get('name')} onChange={set('name')} />
        <TextField label={a('npsn')} inputMode="numeric" value={f.npsn} issue={issues.get('npsn')} onChange={set('npsn')} />
        <SelectField label={a('level')} value={f.level} options={LEVELS.map((l) => ({ value: l, text: l }))} onChange={set('level')} />
        <TextField label={a('subDistrict')} value={f.subDistrict} issue={issues.get('subDistrict')} onChange={set('subDistrict')} />
        <SelectField label={a('region')} value={regionId} issue={issues.get('regionId')} options={regions.map((r) => ({ value: r.regionId, text: r.name }))} onChange={set('regionId')} />
        <SelectField label={a('timeZone')} value={f.timeZone} options={ZONES.map(([value, text]) => ({ value: value!, text: text! }))} onChange={set('timeZone')} />
      </div>
      <div className="actions"><button type="submit" className="primary" disabled={busy}>{a('createSchool')}</button></div>
      <ErrorMessage error={error} />
      <Notice text={notice} />
    </form>
  );
}

export function AdminDirectoryPage() {
  const { a } = useAdminText();
  const [reloads, setReloads] = useState(0);
  const data = useAsync(() => Promise.all([api.get<AdminRegion[]>('/admin/regions'), api.get<AdminSchool[]>('/admin/schools')]), [reloads]);
  const reload = () => setReloads((n) => n + 1);
  const [regions, schools] = data.data ?? [[], []];
  const regionName = new Map(regions.map((r) => [r.regionId, r.name]));
  return (
    <AdminShell title="navDirectory">
      {data.loading && !data.data && <Loading />}
      <ErrorMessage error={data.error} />
      <section aria-labelledby="regions-title">
        <h2 id="regions-title">{a('regionsTitle')}</h2>
        <ul className="plain">
          {regions.map((r) => <li key={r.regionId} className="entry" data-testid={`region-${r.regionId}`}><strong>{r.name}</strong> <span className="meta">{r.regionId}</span></li>)}
        </ul>
        <CreateRegion onCreated={reload} />
      </section>
      <section aria-labelledby="schools-title">
        <h2 id="schools-title">{a('schoolsTitle')}</h2>
        <ul className="plain">
          {schools.map((s) => (
            <li key={s.schoolId} className="entry" data-testid={`school-${s.schoolId}`}>
              <strong>{s.name}</strong> <span className="meta">NPSN {s.npsn ?? '—'} · {s.level}</span>
              <div className="meta">{[s.subDistrict && `${a('subDistrict')}: ${s.subDistrict}`, regionName.get(s.regionId) ?? s.regionId].filter(Boolean).join(' · ')}</div>
            </li>
          ))}
        </ul>
        <CreateSchool regions={regions} onCreated={reload} />
      </section>
    </AdminShell>
  );
}
