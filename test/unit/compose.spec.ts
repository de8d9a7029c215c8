import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '@mutu/config';
import { WORKER_NODE_FLAGS } from '@mutu/temporal';

const root = path.resolve(__dirname, '../..');

interface Service {
  image?: string;
  command?: string[] | string;
  profiles?: string[];
  build?: string;
  environment?: Record<string, string>;
  depends_on?: string[] | Record<string, unknown>;
  ports?: string[];
}

const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;
const mutuServices = ['migrate', 'api', 'worker'];

/** What an operator sets before `docker compose up`: the variables compose requires (${VAR:?…}). */
const OPERATOR_ENV: Record<string, string> = {
  JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
  AUDIT_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEIKx0a1wfpXeYCzBOSfOJmMGL4ZmTWUQKVwUGFR0lKv8N',
  POSTGRES_PASSWORD: 'e3b0c44298fc1c149afbf4c8996fb924',
  COMMAND_SIGNING_KEY: 'a-command-signing-key-of-32-chars-or-more',
  MUTU_APP_PASSWORD: '9f86d081884c7d659a2feaa0c55ad015',
};

/** ${VAR:-default} and ${VAR:?msg} resolved the way compose would, from `env` (compose refuses a missing ${VAR:?}). */
function interpolate(value: string, env: Record<string, string> = OPERATOR_ENV): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => {
    if (env[name]) return env[name];
    if (op === '?') throw new Error(`compose: ${name} ${arg}`);
    return op === '-' ? (arg ?? '') : '';
  });
}

const composeText = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

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
    // Each waits for what it uses: the migrations wait for PostgreSQL, the API and workers for the migrations.
    const deps = services[name].depends_on ?? [];
    const depNames = Array.isArray(deps) ? deps : Object.keys(deps);
    expect(depNames).toEqual(expect.arrayContaining(name === 'migrate' ? [db.hostname] : [temporalHost, 'migrate']));
  });

  it('migrates as the owner role once; the API and workers hold only the application role', () => {
    const user = (name: string, variable: string) => new URL(interpolate(String(services[name].environment?.[variable]))).username;
    expect(services.migrate.command).toEqual(['node', '-r', './scripts/register-dist.js', 'dist/apps/cli/src/main.js', 'migrate']);
    expect(user('migrate', 'DATABASE_OWNER_URL')).toBe(services.postgres.environment?.POSTGRES_USER);
    for (const name of ['api', 'worker']) {
      expect(user(name, 'DATABASE_URL')).toBe('mutu_app');
      expect(services[name].environment?.DATABASE_OWNER_URL).toBeUndefined();
      expect(services[name].depends_on).toMatchObject({ migrate: { condition: 'service_completed_successfully' } });
    }
    const init = readFileSync(path.join(root, 'deploy', 'postgres-app-role.sh'), 'utf8');
    expect(init).toMatch(/CREATE ROLE mutu_app LOGIN PASSWORD :'pw' IN ROLE mutu_application/);
    expect(composeText).toMatch(/postgres-app-role\.sh:\/docker-entrypoint-initdb\.d\/20-app-role\.sh/);
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

  it.each(['JWT_SECRET', 'AUDIT_SIGNING_KEY', 'COMMAND_SIGNING_KEY', 'POSTGRES_PASSWORD', 'MUTU_APP_PASSWORD'])('refuses to start without %s (no default value anywhere)', (name) => {
    expect(composeText).toMatch(new RegExp(`\\$\\{${name}:\\?`));
    expect(composeText).not.toMatch(new RegExp(`\\$\\{${name}(:?-|\\})`));
    const without = { ...OPERATOR_ENV, [name]: '' };
    expect(() => interpolate(composeText, without)).toThrow(`compose: ${name} set ${name}`);
  });

  it('rejects the default database password the way the API does', () => {
    const env = Object.fromEntries(
      Object.entries(services.api.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), { ...OPERATOR_ENV, MUTU_APP_PASSWORD: 'mutu' })]),
    );
    expect(() => loadConfig(env)).toThrow(/DATABASE_URL: uses the default password "mutu"/);
  });

  it('publishes neither the Temporal frontend nor the Temporal UI (nor the mail catcher) to the host', () => {
    const published = Object.entries(services).flatMap(([name, svc]) => (svc.ports ?? []).map((p) => ({ name, port: String(p) })));
    expect(published.map((p) => p.name)).toEqual(['api']);
    expect(published.filter((p) => /(^|:)(7233|8080|8233)$/.test(p.port))).toEqual([]);
    // The UI runs only when an operator asks for it (a profile), reached through a tunnel.
    expect(services['temporal-ui'].profiles).toEqual(['operator']);
  });

  it('runs the API and the worker with the entry points of the pruned artifact', () => {
    expect(services.api.command).toEqual(['node', '-r', './scripts/register-dist.js', 'dist/apps/api/src/main.js']);
    expect(services.worker.command).toEqual(['node', ...WORKER_NODE_FLAGS, '-r', './scripts/register-dist.js', 'dist/apps/worker/src/main.js']);
    expect(services.api.environment?.NODE_ENV).toBe('production');
    expect(services.api.environment?.SEED_DEMO_DATA).toBe('false');
  });

  it('builds an image whose PDF report works after `npm prune --omit=dev`', () => {
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    expect(dockerfile).toMatch(/apt-get install[^\n]*\bchromium\b/);
    expect(dockerfile).toMatch(/ENV CHROMIUM_PATH=\/usr\/bin\/chromium/);
    expect(dockerfile).toMatch(/ENV NODE_ENV=production/);
    // The renderer's modules survive the prune.
    expect(Object.keys(packageJson.dependencies)).toEqual(expect.arrayContaining(['playwright-core']));
  });
});
