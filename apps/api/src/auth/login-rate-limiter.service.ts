import { Injectable } from '@nestjs/common';
import { ApiError } from '../common/api-error';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/**
 * Failed sign-ins per (email, IP) in a sliding window; past the limit the pair gets 429 until
 * the oldest failure leaves the window. In memory: one API process per deployment for now.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  private key(email: string, ip: string): string {
    return `${email.toLowerCase()}\u0000${ip}`;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < LOGIN_WINDOW_MS);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  check(email: string, ip: string, now = Date.now()): void {
    const list = this.recent(this.key(email, ip), now);
    if (list.length >= LOGIN_MAX_FAILURES) {
      const retryAfter = Math.ceil((list[0] + LOGIN_WINDOW_MS - now) / 1000);
      throw new ApiError(429, 'RATE_LIMITED', 'Too many failed sign-ins; try again later.', { details: { retryAfterSeconds: retryAfter } });
    }
  }

  recordFailure(email: string, ip: string, now = Date.now()): void {
    const key = this.key(email, ip);
    this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 100_000) this.failures.delete(this.failures.keys().next().value!);
  }

  reset(email: string, ip: string): void {
    this.failures.delete(this.key(email, ip));
  }
}
