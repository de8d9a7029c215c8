import type { Config } from '@mutu/config';
import type { ApiError } from '../common/api-error';
import { TokenService } from './token.service';

const actor = { userId: 'u-1', name: 'Ibu Sari', roles: ['staff' as const], schoolIds: ['sch-1'], regionIds: [] };
/** The status and stable code a refused token gets. */
const refusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'accepted',
    (e: ApiError) => ({ status: e.getStatus(), code: (e.getResponse() as { code: string }).code }),
  );
const service = () => new TokenService({ JWT_SECRET: 'unit-secret-unit-secret-unit-secret-0001', JWT_ACCESS_TTL_SECONDS: 60 } as Config);

describe('access tokens', () => {
  afterEach(() => jest.useRealTimers());

  it('accepts a token it issued, again and again, until it expires', async () => {
    const tokens = service();
    const { token } = await tokens.issueAccessToken(actor);
    await expect(tokens.verify(token)).resolves.toEqual({ userId: 'u-1' });
    await expect(tokens.verify(token)).resolves.toEqual({ userId: 'u-1' });
    // The clock moves past the expiry (Date too, which the JWT library reads).
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    jest.setSystemTime(Date.now() + 61_000);
    expect(await refusal(tokens.verify(token))).toEqual({ status: 401, code: 'TOKEN_EXPIRED' });
    expect(await refusal(tokens.verify(token))).toEqual({ status: 401, code: 'TOKEN_EXPIRED' });
  });

  it('refuses a tampered copy of a token it has accepted', async () => {
    const tokens = service();
    const { token } = await tokens.issueAccessToken(actor);
    await tokens.verify(token);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'u-admin' })).toString('base64url');
    expect(await refusal(tokens.verify(`${header}.${forged}.${signature}`))).toEqual({ status: 401, code: 'INVALID_TOKEN' });
    expect(await refusal(tokens.verify(`${header}.${payload}.${signature.slice(0, -2)}AA`))).toEqual({ status: 401, code: 'INVALID_TOKEN' });
  });

  it('refuses a token signed with another key', async () => {
    const other = new TokenService({ JWT_SECRET: 'another-secret-another-secret-another-01', JWT_ACCESS_TTL_SECONDS: 60 } as Config);
    const { token } = await other.issueAccessToken(actor);
    expect(await refusal(service().verify(token))).toEqual({ status: 401, code: 'INVALID_TOKEN' });
  });
});
