// The one place that talks to the API: bearer token, Idempotency-Key on writes, errors as
// ApiFailure. A 401 tries one token refresh, then signs the user out.
import { ApiFailure, failureFrom } from './api-failure';

const SESSION_KEY = 'mutu.session';

export interface SessionUser {
  userId: string;
  name?: string;
  email?: string;
  roles: string[];
  schoolIds: string[];
  regionIds: string[];
  locale?: string;
}

export interface Session {
  accessToken: string;
  refreshToken?: string;
  /** After an admin's password reset: only the change-password screen until it is changed. */
  mustChangePassword?: boolean;
  user: SessionUser;
}

type Listener = (s: Session | null) => void;
const listeners = new Set<Listener>();

export function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function writeSession(session: Session | null): void {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
  listeners.forEach((l) => l(session));
}

export function onSessionChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function authHeader(): Record<string, string> {
  const s = readSession();
  return s ? { authorization: `Bearer ${s.accessToken}` } : {};
}

async function parseBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Rotates the refresh token for a new access token; false when the session cannot continue. */
async function tryRefresh(): Promise<boolean> {
  const s = readSession();
  if (!s?.refreshToken) return false;
  try {
    const res = await fetch('/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ refreshToken: s.refreshToken }),
    });
    if (!res.ok) return false;
    const body = (await res.json()) as Partial<Session>;
    if (!body.accessToken) return false;
    writeSession({ accessToken: body.accessToken, refreshToken: body.refreshToken ?? s.refreshToken, mustChangePassword: body.mustChangePassword ?? s.mustChangePassword, user: body.user ?? s.user });
    return true;
  } catch {
    return false;
  }
}

export interface RequestOptions {
  body?: unknown;
  idempotencyKey?: string;
  retried?: boolean;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...authHeader() };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['idempotency-key'] = opts.idempotencyKey ?? newIdempotencyKey();
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  } catch {
    throw new ApiFailure(0, 'NETWORK', 'network error');
  }
  if (res.status === 401 && !path.startsWith('/auth/') && !opts.retried) {
    if (await tryRefresh()) return request<T>(method, path, { ...opts, retried: true, idempotencyKey: headers['idempotency-key'] });
    writeSession(null);
  }
  const body = await parseBody(res);
  if (!res.ok) throw failureFrom(res.status, body);
  return body as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
};

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
