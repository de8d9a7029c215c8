// The one place that talks to the API: bearer token, Idempotency-Key on writes, errors as
// ApiFailure. A 401 tries one token refresh, then signs the user out.
//
// The session lives in this module's memory only, never in localStorage or sessionStorage: a
// script injected into the page finds no token to carry away. The refresh token is an httpOnly
// cookie the server sets (`x-mutu-session: cookie` asks for it); this code never sees it. A page
// load starts with `restoreSession()`, which trades the cookie for a new access token.
import { ApiFailure, failureFrom } from './api-failure';

/** Tells the API to keep the refresh token in its httpOnly cookie and out of response bodies. */
const SESSION_MODE = { 'x-mutu-session': 'cookie' } as const;

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
  /** After an admin's password reset: only the change-password screen until it is changed. */
  mustChangePassword?: boolean;
  user: SessionUser;
}

type Listener = (s: Session | null) => void;
const listeners = new Set<Listener>();
let current: Session | null = null;

export function readSession(): Session | null {
  return current;
}

/** Keeps what the app needs of a session answer (never a refresh token, should one appear). */
export function writeSession(session: Session | null): void {
  current = session ? { accessToken: session.accessToken, mustChangePassword: session.mustChangePassword, user: session.user } : null;
  listeners.forEach((l) => l(current));
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

let refreshing: Promise<boolean> | null = null;

/**
 * Trades the refresh cookie for a new access token (the server rotates the cookie); false when
 * the session cannot continue. One refresh at a time per tab, and one at a time across tabs
 * (Web Locks): two tabs rotating the same cookie at once would look like a stolen token and end
 * the sign-in.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= withRefreshLock(async () => {
    try {
      const res = await fetch('/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...SESSION_MODE },
        body: '{}',
      });
      if (!res.ok) return false;
      const body = (await res.json()) as Partial<Session>;
      if (!body.accessToken || !body.user) return false;
      writeSession({ accessToken: body.accessToken, mustChangePassword: body.mustChangePassword, user: body.user });
      return true;
    } catch {
      return false;
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function withRefreshLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  return locks ? (locks.request('mutu-session-refresh', fn) as Promise<T>) : fn();
}

/** On page load: signed in again when the cookie still holds a live session. */
export async function restoreSession(): Promise<Session | null> {
  return (await refreshSession()) ? current : null;
}

/** Revokes this sign-in on the server (the cookie's family) and clears the cookie. */
export async function endSession(): Promise<void> {
  await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', ...SESSION_MODE }, body: '{}' });
}

export interface RequestOptions {
  body?: unknown;
  idempotencyKey?: string;
  retried?: boolean;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...SESSION_MODE, ...authHeader() };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['idempotency-key'] = opts.idempotencyKey ?? newIdempotencyKey();
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  } catch {
    throw new ApiFailure(0, 'NETWORK', 'network error');
  }
  if (res.status === 401 && !path.startsWith('/auth/') && !opts.retried) {
    if (await refreshSession()) return request<T>(method, path, { ...opts, retried: true, idempotencyKey: headers['idempotency-key'] });
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
