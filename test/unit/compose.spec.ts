import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '@mutu/config';

const root = path.resolve(__dirname, '../..');

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  depends_on?: string[] | Record<string, unknown>;
  ports?: string[];
}

const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;
const mutuServices = ['api', 'worker'];

/** ${VAR:-default} and ${VAR:?msg} resolved the way compose would with an empty environment. */
function interpolate(value: string): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => {
    if (name === 'JWT_SECRET') return 'a-production-secret-of-at-least-32-chars';
    return op === '-' ? (arg ?? '') : '';
  });
}

describe('docker-compose.yml (the production topology)', () => {
  it('has every part of the topology', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'temporal', 'temporal-ui', 'mailpit', 'api', 'worker']));
    expect(existsSync(path.join(root, 'Dockerfile'))).toBe(true);
  });

  it.each(mutuServices)('%s passes only variables the config schema knows, with values it accepts', (name) => {
    const env = services[name].environment ?? {};
    const unknown = Object.keys(env).filter((k) => !CONFIG_VARIABLES.includes(k));
    expect(unknown).toEqual([]);
    const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(String(v))]));
    expect(() => loadConfig(resolved)).not.toThrow();
  });

  it.each(mutuServices)('%s points at services that exist, on the ports they serve', (name) => {
    const env = services[name].environment ?? {};
    const [temporalHost, temporalPort] = String(env.TEMPORAL_ADDRESS).split(':');
    expect(services[temporalHost]).toBeDefined();
    expect(temporalPort).toBe('7233');
    const db = new URL(interpolate(String(env.DATABASE_URL)));
    expect(services[db.hostname]).toBeDefined();
    expect(db.port).toBe('5432');
    expect(services[String(env.SMTP_HOST)]).toBeDefined();
    const deps = services[name].depends_on ?? [];
    const depNames = Array.isArray(deps) ? deps : Object.keys(deps);
    expect(depNames).toEqual(expect.arrayContaining([temporalHost, db.hostname]));
  });

  it('publishes the API on the port the API listens on', () => {
    const env = services.api.environment ?? {};
    const containerPorts = (services.api.ports ?? []).map((p) => p.split(':').pop());
    expect(containerPorts).toContain(String(env.API_PORT));
    expect(env.API_HOST).toBe('0.0.0.0');
  });

  it('every depends_on names a defined service', () => {
    for (const [name, svc] of Object.entries(services)) {
      const deps = svc.depends_on ?? [];
      for (const dep of Array.isArray(deps) ? deps : Object.keys(deps)) {
        expect({ service: name, dependsOn: dep, defined: Boolean(services[dep]) }).toEqual({ service: name, dependsOn: dep, defined: true });
      }
    }
  });
});
