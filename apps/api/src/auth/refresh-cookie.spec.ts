import type { Request } from 'express';
import { refreshCookieOf, refreshTokenOf } from './refresh-cookie';

const TOKEN = 'A'.repeat(43);
const req = (headers: Record<string, string>) => ({ headers, is: (type: string) => (headers['content-type'] === type ? type : false) }) as unknown as Request;

describe('the refresh cookie', () => {
  it('is read from among other cookies, by its exact name', () => {
    expect(refreshCookieOf(req({ cookie: `a=1; mutu_refresh=${TOKEN}; b=2` }))).toBe(TOKEN);
    expect(refreshCookieOf(req({ cookie: `not_mutu_refresh=${TOKEN}` }))).toBeUndefined();
    expect(refreshCookieOf(req({}))).toBeUndefined();
  });

  it('is ignored when its value is not a token (too short, or characters a token never has)', () => {
    expect(refreshCookieOf(req({ cookie: 'mutu_refresh=short' }))).toBeUndefined();
    expect(refreshCookieOf(req({ cookie: `mutu_refresh=${TOKEN}%00` }))).toBeUndefined();
  });

  it('yields to a token in the body, and counts only on a JSON request', () => {
    expect(refreshTokenOf(req({ cookie: `mutu_refresh=${TOKEN}` }), 'B'.repeat(43))).toEqual({ token: 'B'.repeat(43), from: 'body' });
    expect(refreshTokenOf(req({ cookie: `mutu_refresh=${TOKEN}`, 'content-type': 'application/json' }), undefined)).toEqual({ token: TOKEN, from: 'cookie' });
    expect(() => refreshTokenOf(req({ cookie: `mutu_refresh=${TOKEN}`, 'content-type': 'text/plain' }), undefined)).toThrow(expect.objectContaining({ status: 415 }));
    expect(refreshTokenOf(req({}), undefined)).toBeNull();
  });
});
