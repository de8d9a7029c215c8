import { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS, LoginRateLimiter } from './login-rate-limiter.service';

describe('login rate limiter', () => {
  it('blocks an (email, IP) pair after too many failures until the window passes', () => {
    const l = new LoginRateLimiter();
    const t0 = 1_000_000;
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) l.recordFailure('A@x.id', '1.1.1.1', t0 + i);
    expect(() => l.check('a@x.id', '1.1.1.1', t0 + 10)).toThrow(expect.objectContaining({ status: 429 }));
    expect(() => l.check('a@x.id', '2.2.2.2', t0 + 10)).not.toThrow();
    expect(() => l.check('b@x.id', '1.1.1.1', t0 + 10)).not.toThrow();
    expect(() => l.check('a@x.id', '1.1.1.1', t0 + LOGIN_WINDOW_MS + LOGIN_MAX_FAILURES)).not.toThrow();
  });

  it('forgets failures after a successful sign-in', () => {
    const l = new LoginRateLimiter();
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) l.recordFailure('a@x.id', 'ip', 5);
    l.reset('a@x.id', 'ip');
    l.recordFailure('a@x.id', 'ip', 6);
    expect(() => l.check('a@x.id', 'ip', 7)).not.toThrow();
  });
});
