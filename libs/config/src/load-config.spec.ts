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

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: is required in production/);
  });

  it('parses booleans and numbers from strings', () => {
    const config = loadConfig({ TEMPORAL_TLS: 'true', SMTP_PORT: '2525' });
    expect(config.TEMPORAL_TLS).toBe(true);
    expect(config.SMTP_PORT).toBe(2525);
  });
});
