// The fault suite's HTTP client: what a careful real client does against a flaky production. A
// mutation carries an Idempotency-Key and is sent again, with the same key, after a network error,
// any 5xx or 429 (honouring Retry-After) or a 401 of an access token that expired; each
// answer that was a 2xx is remembered with its key so the checks can find its command afterwards.
import { createHash, randomUUID } from 'node:crypto';
import type { Rng } from './rng';

export interface Accepted {
  programId: string;
  userId: string;
  key: string;
  method: string;
  path: string;
}

export interface ClientStats {
  requests: number;
  retries: number;
  /** Answers by status (network errors under 0), every attempt counted. */
  statuses: Record<string, number>;
  /** Requests given up on after the retry budget: each is a failure of the run. */
  abandoned: string[];
}

export interface ChaosAnswer {
  status: number;
  // Response bodies are JSON the driver drills into.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export interface Session {
  email: string;
  userId: string;
  token: string;
}

/** The suffix every command id of (user, key) ends with: `<type>:<sha256(user NUL key)[0..32]>` (apps/api command-id.ts). */
export function commandSuffix(userId: string, key: string): string {
  return createHash('sha256').update(`${userId}\u0000${key}`).digest('hex').slice(0, 32);
}

export class ChaosClient {
  readonly stats: ClientStats = { requests: 0, retries: 0, statuses: {}, abandoned: [] };
  readonly accepted: Accepted[] = [];
  private readonly sessions = new Map<string, Promise<Session>>();

  constructor(
    private readonly baseUrl: string,
    private readonly password: string,
    private readonly rng: Rng,
    /** How long one request may keep being retried before it counts as abandoned. */
    private readonly budgetMs: number,
  ) {}

  session(email: string): Promise<Session> {
    let s = this.sessions.get(email);
    if (!s) {
      s = this.login(email);
      this.sessions.set(email, s);
      s.catch(() => this.sessions.delete(email));
    }
    return s;
  }

  /**
   * One request until it gets a final answer (any status below 500 but a 401 that a new login
   * cures). `body` is a factory: a multipart body cannot be sent twice.
   */
  async send(email: string, method: string, path: string, body?: () => unknown, programId = ''): Promise<ChaosAnswer> {
    const mutation = method !== 'GET';
    const key = mutation ? `chaos-${randomUUID()}` : undefined;
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) this.stats.retries++;
      const session = await this.recorded(() => this.session(email), `${method} ${path} (login)`);
      const answer = await this.once(session.token, method, path, body?.(), key);
      if (answer.status === 401 && attempt < 3) {
        this.sessions.delete(email);
        continue;
      }
      // 429 (a program busy with other commands) is retried like a 5xx, honouring Retry-After.
      if (answer.status > 0 && answer.status < 500 && answer.status !== 429) {
        if (key && answer.status < 300) this.accepted.push({ programId: programId || String(answer.body?.programId ?? ''), userId: session.userId, key, method, path });
        return answer;
      }
      if (Date.now() - started > this.budgetMs) {
        this.stats.abandoned.push(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        throw new Error(`gave up on ${method} ${path} after ${attempt + 1} attempts: last ${answer.status}`);
      }
      await this.backoff(attempt, answer.headers.get('retry-after'));
    }
  }

  private async once(token: string, method: string, path: string, body: unknown, key: string | undefined): Promise<ChaosAnswer> {
    this.stats.requests++;
    const form = body instanceof FormData;
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}),
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: body === undefined ? undefined : form ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      const type = res.headers.get('content-type') ?? '';
      const parsed: unknown = type.includes('json') ? await res.json() : await res.text();
      this.count(String(res.status));
      return { status: res.status, body: parsed, headers: res.headers };
    } catch (e) {
      this.count(`network:${(e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name}`);
      return { status: 0, body: { error: (e as Error).message }, headers: new Headers() };
    }
  }

  private async login(email: string): Promise<Session> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      this.stats.requests++;
      try {
        const res = await fetch(`${this.baseUrl}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: this.password }),
          signal: AbortSignal.timeout(30_000),
        });
        this.count(String(res.status));
        if (res.status === 200) {
          const { accessToken } = (await res.json()) as { accessToken: string };
          const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { sub: string };
          return { email, userId: claims.sub, token: accessToken };
        }
        if (res.status < 500 && res.status !== 429) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
      } catch (e) {
        if ((e as Error).message.startsWith('login ')) throw e;
        this.count('network:login');
      }
      if (Date.now() - started > this.budgetMs) throw new Error(`login ${email}: gave up`);
      this.stats.retries++;
      await this.backoff(attempt, null);
    }
  }

  private async recorded<T>(fn: () => Promise<T>, what: string): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      this.stats.abandoned.push(`${what}: ${(e as Error).message}`);
      throw e;
    }
  }

  /** Exponential backoff with full jitter (200 ms · 2^n, at most 5 s), at least what Retry-After asks. */
  private backoff(attempt: number, retryAfter: string | null): Promise<void> {
    const cap = Math.min(5_000, 200 * 2 ** Math.min(attempt, 5));
    const wait = Math.max(Number(retryAfter ?? 0) * 1000 || 0, Math.floor(this.rng() * cap));
    return new Promise((r) => setTimeout(r, wait));
  }

  private count(key: string): void {
    this.stats.statuses[key] = (this.stats.statuses[key] ?? 0) + 1;
  }
}
