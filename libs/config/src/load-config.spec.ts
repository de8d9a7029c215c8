import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.API_PORT).toBe(3000);
    expect(config.TEMPORAL_NAMESPACE).toBe('default');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names the variable when a value is invalid', () => {
    expect(() => loadConfig({ API_PORT: 'eighty' })).toThrow(/API_PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => loadConfig({ TEMPORAL_ADDRESS: 'localhost' })).toThrow(/TEMPORAL_ADDRESS: must be host:port/);
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ API_PORT: '-1', JWT_SECRET: 'short' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues.map((i) => i.variable).sort()).toEqual(['API_PORT', 'JWT_SECRET']);
    }
  });

  describe('in production', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
      AUDIT_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEIKx0a1wfpXeYCzBOSfOJmMGL4ZmTWUQKVwUGFR0lKv8N',
      COMMAND_SIGNING_KEY: 'a-command-signing-key-of-32-chars-or-more',
      DATABASE_URL: 'postgres://mutu_app:Kq7-long-random-password@db:5432/mutu',
    };
    const issuesOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        return e.issues.map((i) => i.variable);
      }
    };

    it('starts with its secrets and a database password of its own', () => {
      expect(loadConfig(production).NODE_ENV).toBe('production');
    });

    it('refuses to start without a JWT secret, naming the variable', () => {
      expect(() => loadConfig({ ...production, JWT_SECRET: '' })).toThrow(/JWT_SECRET: is required in production/);
    });

    it('refuses to start without a command signing key, naming the variable', () => {
      expect(() => loadConfig({ ...production, COMMAND_SIGNING_KEY: '' })).toThrow(/COMMAND_SIGNING_KEY: is required in production/);
    });

    it('refuses to start without an audit signing key, naming the variable', () => {
      expect(() => loadConfig({ ...production, AUDIT_SIGNING_KEY: '' })).toThrow(/AUDIT_SIGNING_KEY: is required in production/);
    });

    it('refuses to start with webhooks enabled and no webhook secret', () => {
      expect(() => loadConfig({ ...production, WEBHOOKS_ENABLED: 'true' })).toThrow(/WEBHOOK_SECRET: is required in production when WEBHOOKS_ENABLED=true/);
      expect(() => loadConfig({ ...production, WEBHOOKS_ENABLED: 'true', WEBHOOK_SECRET: 'short' })).toThrow(/WEBHOOK_SECRET: must be at least 32/);
      expect(loadConfig({ ...production, WEBHOOKS_ENABLED: 'true', WEBHOOK_SECRET: 'w'.repeat(32) }).WEBHOOKS_ENABLED).toBe(true);
      // Without webhooks there is nothing to sign.
      expect(issuesOf(production)).toEqual([]);
    });

    it.each([
      ['the default "mutu"', 'postgres://mutu:mutu@db:5432/mutu', /DATABASE_URL: uses the default password "mutu"/],
      ['an empty password', 'postgres://mutu:@db:5432/mutu', /DATABASE_URL: has no password/],
      ['no password at all', 'postgres://mutu@db:5432/mutu', /DATABASE_URL: has no password/],
      ['"postgres"', 'postgres://postgres:postgres@db:5432/mutu', /DATABASE_URL: uses the default password/],
      ['a short password', 'postgres://mutu:abc123@db:5432/mutu', /DATABASE_URL: has a password shorter than 12/],
    ])('refuses a database URL with %s', (_, url, message) => {
      expect(() => loadConfig({ ...production, DATABASE_URL: url })).toThrow(message);
    });

    it('accepts a percent-encoded strong password', () => {
      expect(() => loadConfig({ ...production, DATABASE_URL: 'postgres://app:p%40ss%3Aword-long-1@db:5432/mutu' })).not.toThrow();
    });

    it('names every missing secret at once', () => {
      expect(issuesOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://mutu:mutu@db/mutu' }).sort()).toEqual(['AUDIT_SIGNING_KEY', 'COMMAND_SIGNING_KEY', 'DATABASE_URL', 'JWT_SECRET']);
    });

    it('seeds no demo data unless SEED_DEMO_DATA=true is set', () => {
      expect(loadConfig(production).SEED_DEMO_DATA).toBe(false);
      expect(loadConfig({ ...production, SEED_DEMO_DATA: 'true' }).SEED_DEMO_DATA).toBe(true);
    });

    it("never accepts the README's demo password", () => {
      expect(() => loadConfig({ ...production, SEED_DEMO_DATA: 'true', DEMO_PASSWORD: 'mutu-demo-2026' })).toThrow(/DEMO_PASSWORD: must not be the README/);
      expect(loadConfig({ ...production, SEED_DEMO_DATA: 'true', DEMO_PASSWORD: 'an-operator-chosen-pw' }).DEMO_PASSWORD).toBe('an-operator-chosen-pw');
    });
  });

  it('seeds demo data by default in development and tests, unless turned off', () => {
    expect(loadConfig({}).SEED_DEMO_DATA).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).SEED_DEMO_DATA).toBe(true);
    expect(loadConfig({ SEED_DEMO_DATA: 'false' }).SEED_DEMO_DATA).toBe(false);
  });

  it('lets development use the default database password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://mutu:mutu@127.0.0.1:5432/mutu' })).not.toThrow();
  });

  it('parses booleans and numbers from strings', () => {
    const config = loadConfig({ TEMPORAL_TLS: 'true', SMTP_PORT: '2525' });
    expect(config.TEMPORAL_TLS).toBe(true);
    expect(config.SMTP_PORT).toBe(2525);
  });
});
