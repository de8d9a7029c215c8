// Users: every account with roles, scopes and status; add one; per user change roles, scopes and
// status (PATCH) or set a temporary password that must be changed at the next sign-in.
import { useState, type FormEvent } from 'react';
import { issuesUnder } from '../api/api-failure';
import { api, request } from '../api/client';
import { ErrorMessage, Loading, Notice } from '../components/feedback';
import { CheckboxGroup, TextField } from '../components/field';
import { label } from '../i18n/labels';
import { useAction, useAsync } from '../use-async';
import { AdminShell, idList } from './admin-shell';
import { useAdminText } from './admin-text';

export interface AdminUser {
  userId: string;
  email: string;
  name: string;
  roles: string[];
  schoolIds: string[];
  regionIds: string[];
  disabled: boolean;
}

export const ROLES = ['principal', 'qa_team', 'staff', 'committee', 'supervisor', 'district_officer', 'mentor', 'auditor', 'admin'];

function UserEditor({ user, onSaved }: { user: AdminUser; onSaved: () => void }) {
  const { a, lang } = useAdminText();
  const [roles, setRoles] = useState(user.roles);
  const [schools, setSchools] = useState(user.schoolIds.join(', '));
  const [regions, setRegions] = useState(user.regionIds.join(', '));
  const [disabled, setDisabled] = useState(user.disabled);
  const [temporary, setTemporary] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const save = useAction();
  const reset = useAction();
  const issues = issuesUnder(save.error?.issues ?? []);

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const body = { roles, schoolIds: idList(schools), regionIds: idList(regions), disabled };
    if ((await save.run(() => request('PATCH', `/admin/users/${encodeURIComponent(user.userId)}`, { body }))) !== undefined) {
      setNotice(a('saved'));
      onSaved();
    }
  };
  const onReset = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const done = await reset.run(() => api.post(`/admin/users/${encodeURIComponent(user.userId)}/password-reset`, { temporaryPassword: temporary }));
    if (done !== undefined) {
      setTemporary('');
      setNotice(a('resetDone', { id: user.userId }));
    }
  };

  return (
    <div className="card inner" data-testid={`user-editor-${user.userId}`}>
      <form onSubmit={onSave} noValidate>
        <CheckboxGroup legend={a('roles')} issue={issues.get('roles')} value={roles} onChange={setRoles}
          options={ROLES.map((r) => ({ value: r, text: label('role', r, lang) }))} />
        <div className="row">
          <TextField label={a('schoolIds')} value={schools} issue={issues.get('schoolIds')} onChange={(e) => setSchools(e.target.value)} />
          <TextField label={a('regionIds')} value={regions} issue={issues.get('regionIds')} onChange={(e) => setRegions(e.target.value)} />
        </div>
        <div className="field">
          <label><input type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} /> {a('disableUser')}</label>
        </div>
        <div className="actions"><button type="submit" className="primary" disabled={save.busy}>{a('save')}</button></div>
        <ErrorMessage error={save.error} />
      </form>
      <form onSubmit={onReset} noValidate>
        <h3>{a('resetTitle')}</h3>
        <TextField label={a('temporaryPassword')} hint={a('resetHint')} type="text" autoComplete="off" value={temporary}
          issue={issuesUnder(reset.error?.issues ?? []).get('temporaryPassword')} onChange={(e) => setTemporary(e.target.value)} />
        <div className="actions"><button type="submit" disabled={reset.busy}>{a('resetTitle')}</button></div>
        <ErrorMessage error={reset.error} />
      </form>
      <Notice text={notice} />
    </div>
  );
}

function CreateUser({ onCreated }: { onCreated: () => void }) {
  const { a, lang } = useAdminText();
  const empty = { userId: '', name: '', email: '', password: '', schools: '', regions: '' };
  const [f, setF] = useState(empty);
  const [roles, setRoles] = useState<string[]>(['staff']);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const issues = issuesUnder(error?.issues ?? []);
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const body = { userId: f.userId, name: f.name, email: f.email, password: f.password, roles, schoolIds: idList(f.schools), regionIds: idList(f.regions), locale: lang };
    if ((await run(() => api.post('/admin/users', body))) !== undefined) {
      setNotice(a('created', { id: f.userId }));
      setF(empty);
      onCreated();
    }
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="create-user-title">
      <h2 id="create-user-title">{a('createUser')}</h2>
      <div className="row">
        <TextField label={a('userId')} value={f.userId} issue={issues.get('userId')} onChange={set('userId')} />
        <TextField label={a('name')} value={f.name} issue={issues.get('name')} onChange={set('name')} />
        <TextField label={a('email')} type="email" value={f.email} issue={issues.get('email')} onChange={set('email')} />
        <TextField label={a('password')} type="text" autoComplete="off" value={f.password} issue={issues.get('password')} onChange={set('password')} />
      </div>
      <CheckboxGroup legend={a('roles')} issue={issues.get('roles')} value={roles} onChange={setRoles} options={ROLES.map((r) => ({ value: r, text: label('role', r, lang) }))} />
      <div className="row">
        <TextField label={a('schoolIds')} value={f.schools} issue={issues.get('schoolIds')} onChange={set('schools')} />
        <TextField label={a('regionIds')} value={f.regions} issue={issues.get('regionIds')} onChange={set('regions')} />
      </div>
      <div className="actions"><button type="submit" className="primary" disabled={busy}>{a('createUser')}</button></div>
      <ErrorMessage error={error} />
      <Notice text={notice} />
    </form>
  );
}

export function AdminUsersPage() {
  const { a, lang } = useAdminText();
  const [reloads, setReloads] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const users = useAsync(() => api.get<AdminUser[]>('/admin/users'), [reloads]);
  const reload = () => setReloads((n) => n + 1);
  return (
    <AdminShell title="usersTitle">
      <CreateUser onCreated={reload} />
      {users.loading && !users.data && <Loading />}
      <ErrorMessage error={users.error} />
      <ul className="plain" aria-label={a('usersTitle')}>
        {(users.data ?? []).map((u) => (
          <li key={u.userId} className="entry" data-testid={`user-${u.userId}`}>
            <strong>{u.name}</strong> <span className="meta">{u.email} · {u.userId}</span>
            <div>{u.roles.map((r) => <span key={r} className="tag">{label('role', r, lang)}</span>)} {u.disabled ? a('disabled') : a('active')}</div>
            {(u.schoolIds.length > 0 || u.regionIds.length > 0) && <div className="meta">{[...u.schoolIds, ...u.regionIds].join(', ')}</div>}
            <button type="button" aria-expanded={open === u.userId} onClick={() => setOpen(open === u.userId ? null : u.userId)}>{a('manage', { name: u.name })}</button>
            {open === u.userId && <UserEditor user={u} onSaved={reload} />}
          </li>
        ))}
      </ul>
    </AdminShell>
  );
}
