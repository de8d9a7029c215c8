// The web app's refresh token travels in a cookie that script cannot read (HttpOnly), that the
// browser sends only to /auth (login, refresh, logout) and only from Mutu's own pages
// (SameSite=Strict), and only over a secure context (Secure: Chromium and Firefox treat
// http://localhost and http://127.0.0.1 as secure, so development and the tests keep it too).
// Clients that are not browsers keep sending and receiving the token in the JSON body.
import type { Request, Response } from 'express';
import { ApiError } from '../common/api-error';

export const REFRESH_COOKIE = 'mutu_refresh';
export const REFRESH_COOKIE_PATH = '/auth';
/** Sent by the web app: "keep my refresh token in the cookie, never in a response body". */
export const SESSION_MODE_HEADER = 'x-mutu-session';

/** Whether the client asked for the cookie (the web app does, on every request). */
export function wantsCookie(req: Request): boolean {
  return req.headers[SESSION_MODE_HEADER] === 'cookie';
}

export function setRefreshCookie(res: Response, token: string, maxAgeSeconds: number): void {
  res.cookie(REFRESH_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH, maxAge: maxAgeSeconds * 1000 });
}

export function clearRefreshCookie(res: Response): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH });
}

/** The cookie's value, parsed from the raw header (one cookie is all the API reads). */
export function refreshCookieOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * The refresh token of a refresh or logout: the body's when it has one (scripts, the CLI), else
 * the cookie's. The cookie counts only on a JSON POST: a cross-site form can send neither that
 * content type nor, with SameSite=Strict, the cookie; fetch from another origin needs a CORS
 * preflight the API refuses.
 */
export function refreshTokenOf(req: Request, bodyToken: string | undefined): { token: string; from: 'body' | 'cookie' } | null {
  if (bodyToken) return { token: bodyToken, from: 'body' };
  const cookie = refreshCookieOf(req);
  if (!cookie) return null;
  if (!req.is('application/json')) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as application/json.');
  return { token: cookie, from: 'cookie' };
}

/**
 * A session answer as the client asked for it: for the web app (or a token that came in the
 * cookie) the refresh token goes into the cookie and out of the body, so no script ever sees it.
 */
export function deliverSession<T extends { refreshToken: string }>(req: Request, res: Response, session: T, maxAgeSeconds: number, viaCookie = wantsCookie(req)): T | Omit<T, 'refreshToken'> {
  if (!viaCookie) return session;
  setRefreshCookie(res, session.refreshToken, maxAgeSeconds);
  const { refreshToken: _kept, ...rest } = session;
  return rest;
}
