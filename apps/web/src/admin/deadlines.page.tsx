// A region's deadline policy: what new programs of the region take, and a form for its next
// version (the main dates and working-day counts; the rest is kept from the policy in force).
import { useState, type FormEvent } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api, query } from '../api/client';
import { ErrorMessage, Loading, Notice } from '../components/feedback';
import { TextField } from '../components/field';
import { useAction, useAsync } from '../use-async';
import { AdminShell } from './admin-shell';
import { useAdminText } from './admin-text';
import { RegionPicker, useRegions } from './region-picker';

interface Policy {
  version: number;
  reminderOffsetsWorkingDays: number[];
  plan: { approvedBy: string; minWorkingDaysAfterStart: number } & Record<string, unknown>;
  assign: { workingDaysAfterStart: number } & Record<string, unknown>;
  document: { workingDaysAfterActivityEnd: number } & Record<string, unknown>;
  report: { dueBy: string } & Record<string, unknown>;
  signOff: { workingDaysAfterSubmission: number } & Record<string, unknown>;
  [k: string]: unknown;
}
interface RegionPolicy {
  inForce: Policy;
  ownVersion: boolean;
  versions: { policy: Policy; note: string | null; createdBy: string; createdAt: string }[];
}

const fieldsOf = (p: Policy) => ({
  planBy: p.plan.approvedBy,
  planMin: String(p.plan.minWorkingDaysAfterStart),
  assignDays: String(p.assign.workingDaysAfterStart),
  documentDays: String(p.document.workingDaysAfterActivityEnd),
  reportBy: p.report.dueBy,
  signOffDays: String(p.signOff.workingDaysAfterSubmission),
  reminders: p.reminderOffsetsWorkingDays.join(', '),
  note: '',
});
type Fields = ReturnType<typeof fieldsOf>;

/** A number field's text as sent: a number when it is one, else the text (so the API names the field). */
const num = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : s);

function PolicyForm({ regionId, inForce, onSaved }: { regionId: string; inForce: Policy; onSaved(version: number): void }) {
  const { a } = useAdminText();
  const [f, setF] = useState<Fields>(() => fieldsOf(inForce));
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? [], 'policy.');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { version: _v, ...base } = inForce;
    const policy = {
      ...base,
      reminderOffsetsWorkingDays: f.reminders.split(',').map((s) => s.trim()).filter(Boolean).map(num),
      plan: { ...base.plan, approvedBy: f.planBy, minWorkingDaysAfterStart: num(f.planMin) },
      assign: { ...base.assign, workingDaysAfterStart: num(f.assignDays) },
      document: { ...base.document, workingDaysAfterActivityEnd: num(f.documentDays) },
      report: { ...base.report, dueBy: f.reportBy },
      signOff: { ...base.signOff, workingDaysAfterSubmission: num(f.signOffDays) },
    };
    const saved = await run(() => api.put<{ policy: Policy }>('/admin/deadline-policies', { regionId, note: f.note, policy }));
    if (saved) onSaved(saved.policy.version);
  };
  const field = (key: keyof Fields, issue?: string) => <TextField label={a(key)} value={f[key]} issue={issue} onChange={(e) => setF({ ...f, [key]: e.target.value })} />;

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="policy-form-title">
      <h2 id="policy-form-title">{a('setPolicy')}</h2>
      <div className="row">
        {field('planBy', issues.get('plan.approvedBy'))}
        {field('planMin', issues.get('plan.minWorkingDaysAfterStart'))}
        {field('assignDays', issues.get('assign.workingDaysAfterStart'))}
        {field('documentDays', issues.get('document.workingDaysAfterActivityEnd'))}
        {field('reportBy', issues.get('report.dueBy'))}
        {field('signOffDays', issues.get('signOff.workingDaysAfterSubmission'))}
        {field('reminders', [...issues.entries()].find(([k]) => k.startsWith('reminderOffsetsWorkingDays'))?.[1])}
      </div>
      {field('note', issuesUnder(error?.issues ?? []).get('note'))}
      <div className="actions"><button type="submit" className="primary" disabled={busy}>{a('setPolicy')}</button></div>
      <ErrorMessage error={error} />
    </form>
  );
}

export function AdminDeadlinesPage() {
  const { a } = useAdminText();
  const regions = useRegions();
  const [picked, setPicked] = useState('');
  const regionId = picked || regions.data?.[0]?.regionId || '';
  const [reloads, setReloads] = useState(0);
  const res = useAsync(() => (regionId ? api.get<RegionPolicy>(`/admin/deadline-policies${query({ regionId })}`) : Promise.resolve(null)), [regionId, reloads]);
  const [notice, setNotice] = useState<string | null>(null);
  const onSaved = (version: number) => {
    setNotice(a('policySaved', { version }));
    setReloads((n) => n + 1);
  };

  return (
    <AdminShell title="deadlinesTitle">
      <ErrorMessage error={regions.error ?? res.error} />
      <RegionPicker regions={regions.data ?? []} value={regionId} onChange={(r) => { setPicked(r); setNotice(null); }} />
      {res.loading && !res.data && <Loading />}
      {res.data && <p data-testid="policy-in-force">{a('inForce', { version: res.data.inForce.version, scope: a(res.data.ownVersion ? 'scopeRegion' : 'scopeGeneral') })}</p>}
      {res.data && <PolicyForm key={`${regionId}-${res.data.inForce.version}`} regionId={regionId} inForce={res.data.inForce} onSaved={onSaved} />}
      <Notice text={notice} />
      {res.data && res.data.versions.length > 0 && (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{a('versions')}</h2>
          <ul className="plain">
            {res.data.versions.map((v) => (
              <li key={v.policy.version} className="entry">v{v.policy.version} · {v.policy.plan.approvedBy} / {v.policy.report.dueBy} · {v.note} <span className="meta">{v.createdBy}, {v.createdAt.slice(0, 10)}</span></li>
            ))}
          </ul>
        </section>
      )}
    </AdminShell>
  );
}
