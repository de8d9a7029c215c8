// Approval policies of the education office: what each school's new programs take, every version,
// and (for district officers and admins) a form to set a region's or a school's next version.
import { useState, type FormEvent } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api } from '../api/client';
import { ErrorMessage, Loading, Notice } from '../components/feedback';
import { SelectField, TextArea, TextField } from '../components/field';
import { useI18n } from '../i18n/i18n';
import { hasRole, useSession } from '../session';
import { useAction, useAsync } from '../use-async';

interface Policy {
  plan: { role: string; approvals: number };
  documentation: { role: string; approvals: number };
  report: { role: string; quorum: number; rejection?: 'any' | 'majority' };
}
interface RegionPolicies {
  regionId: string;
  schools: { schoolId: string; name: string; inForce: { policy: Policy; ref: { scope: string; version: number } } }[];
  versions: { version: number; schoolId: string | null; policy: Policy; reason: string; by: string; at: string }[];
}

const summary = (p: Policy) =>
  `plan ${p.plan.role}×${p.plan.approvals} · dok ${p.documentation.role}×${p.documentation.approvals} · laporan ${p.report.role} kuorum ${p.report.quorum} (${p.report.rejection ?? 'any'})`;

export function PoliciesPage() {
  const { lang } = useI18n();
  const en = lang === 'en';
  const { session } = useSession();
  const [reloads, setReloads] = useState(0);
  const res = useAsync(() => api.get<{ regions: RegionPolicies[] }>('/policies'), [reloads]);
  const canEdit = hasRole(session, 'district_officer') || hasRole(session, 'admin');
  const [form, setForm] = useState({ regionId: '', schoolId: '', planApprovals: '1', docApprovals: '1', quorum: '2', rejection: 'any', reason: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? [], 'policy.');
  const regions = res.data?.regions ?? [];
  const regionId = form.regionId || regions[0]?.regionId || '';
  const schools = regions.find((r) => r.regionId === regionId)?.schools ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const body = {
      regionId,
      ...(form.schoolId ? { schoolId: form.schoolId } : {}),
      policy: {
        plan: { role: 'supervisor', approvals: Number(form.planApprovals) },
        documentation: { role: 'supervisor', approvals: Number(form.docApprovals) },
        report: { role: 'committee', quorum: Number(form.quorum), rejection: form.rejection },
      },
      reason: form.reason,
    };
    const saved = await run(() => api.put<{ version: number }>('/policies', body));
    if (saved !== undefined) {
      setNotice(en ? `Saved as version ${saved.version}.` : `Tersimpan sebagai versi ${saved.version}.`);
      setReloads((n) => n + 1);
    }
  };

  return (
    <section aria-labelledby="policies-title">
      <h1 id="policies-title">{en ? 'Approval policies' : 'Kebijakan persetujuan'}</h1>
      {res.loading && !res.data && <Loading />}
      <ErrorMessage error={res.error} />
      {regions.map((r) => (
        <section key={r.regionId} className="card" data-testid={`policies-${r.regionId}`}>
          <h2>{r.regionId}</h2>
          <ul className="plain">
            {r.schools.map((s) => (
              <li key={s.schoolId}>{s.name}: {summary(s.inForce.policy)} — {s.inForce.ref.scope} v{s.inForce.ref.version}</li>
            ))}
          </ul>
          {r.versions.length > 0 && (
            <details>
              <summary>{en ? 'Versions' : 'Riwayat versi'}</summary>
              <ol>{r.versions.map((v) => <li key={v.version}>v{v.version} {v.schoolId ?? r.regionId}: {summary(v.policy)} — {v.by}, {v.at} — {v.reason}</li>)}</ol>
            </details>
          )}
        </section>
      ))}
      {canEdit && regions.length > 0 && (
        <form onSubmit={(e) => void submit(e)} aria-label={en ? 'Set a policy' : 'Tetapkan kebijakan'} className="card">
          <h2>{en ? 'Set a policy' : 'Tetapkan kebijakan'}</h2>
          <SelectField label={en ? 'Region' : 'Wilayah'} value={regionId} onChange={(e) => setForm({ ...form, regionId: e.target.value, schoolId: '' })}
            options={regions.map((r) => ({ value: r.regionId, text: r.regionId }))} />
          <SelectField label={en ? 'School (empty: the whole region)' : 'Sekolah (kosong: seluruh wilayah)'} value={form.schoolId} onChange={(e) => setForm({ ...form, schoolId: e.target.value })}
            options={[{ value: '', text: '—' }, ...schools.map((s) => ({ value: s.schoolId, text: s.name }))]} />
          <TextField label={en ? 'Plan approvals (supervisor)' : 'Persetujuan rencana (pengawas)'} type="number" min={1} value={form.planApprovals} issue={issues.get('plan.approvals')} onChange={(e) => setForm({ ...form, planApprovals: e.target.value })} />
          <TextField label={en ? 'Documentation approvals (supervisor)' : 'Persetujuan dokumentasi (pengawas)'} type="number" min={1} value={form.docApprovals} issue={issues.get('documentation.approvals')} onChange={(e) => setForm({ ...form, docApprovals: e.target.value })} />
          <TextField label={en ? 'Committee quorum' : 'Kuorum komite'} type="number" min={1} value={form.quorum} issue={issues.get('report.quorum')} onChange={(e) => setForm({ ...form, quorum: e.target.value })} />
          <SelectField label={en ? 'Rejection rule' : 'Aturan penolakan'} value={form.rejection} onChange={(e) => setForm({ ...form, rejection: e.target.value })}
            options={[
              { value: 'any', text: en ? 'any — one rejection returns the report' : 'any — satu penolakan mengembalikan laporan' },
              { value: 'majority', text: en ? 'majority — more than half the quorum' : 'majority — lebih dari separuh kuorum' },
            ]} />
          <TextArea label={en ? 'Reason (decree, minutes...)' : 'Alasan (SK, berita acara...)'} rows={2} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
          <div className="actions"><button type="submit" className="primary" disabled={busy}>{en ? 'Save new version' : 'Simpan versi baru'}</button></div>
          <ErrorMessage error={error} />
          <Notice text={notice} />
        </form>
      )}
    </section>
  );
}
