import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PrerequisiteError } from './log';
import { renderTemplate, resolveTemporalServer } from './temporal-server';

const DEPLOY = join(__dirname, '..', '..', '..', 'deploy', 'temporal');

describe('Temporal server config template', () => {
  const values = {
    LOG_LEVEL: 'warn',
    DB_HOST: '127.0.0.1',
    DB_PORT: '5432',
    DB_USER: 'temporal',
    DB_PASSWORD: 'p"w\'d',
    BIND_IP: '127.0.0.1',
    DYNAMIC_CONFIG_FILE: '/tmp/dc.yaml',
    DB_NAME: 'temporal',
    VISIBILITY_DB_NAME: 'temporal_visibility',
    ...Object.fromEntries(
      ['FRONTEND', 'FRONTEND_HTTP', 'FRONTEND_MEMBERSHIP', 'MATCHING', 'MATCHING_MEMBERSHIP', 'HISTORY', 'HISTORY_MEMBERSHIP', 'WORKER', 'WORKER_MEMBERSHIP'].map((n, i) => [`${n}_PORT`, String(20_000 + i)]),
    ),
  };

  it('renders deploy/temporal/config.template.yaml into YAML for a server on PostgreSQL, bound to loopback', () => {
    const config = parse(renderTemplate(readFileSync(join(DEPLOY, 'config.template.yaml'), 'utf8'), values));
    expect(config.persistence.datastores['postgres-default'].sql).toMatchObject({ pluginName: 'postgres12', databaseName: 'temporal', connectAddr: '127.0.0.1:5432', password: 'p"w\'d' });
    expect(config.persistence.datastores['postgres-visibility'].sql.databaseName).toBe('temporal_visibility');
    for (const service of ['frontend', 'matching', 'history', 'worker']) {
      expect(config.services[service].rpc.bindOnIP).toBe('127.0.0.1');
      // Temporal keeps membership ports in a smallint column.
      expect(config.services[service].rpc.membershipPort).toBeLessThan(32_768);
    }
    expect(parse(readFileSync(join(DEPLOY, 'dynamicconfig.yaml'), 'utf8'))['frontend.enableExecuteMultiOperation'][0].value).toBe(true);
  });

  it('refuses a name without a value and a value the template never uses', () => {
    expect(() => renderTemplate('a: {{A}}\nb: {{B}}', { A: '1' })).toThrow('no value for {{B}}');
    expect(() => renderTemplate('a: {{A}}', { A: '1', C: '2' })).toThrow('never uses C');
  });
});

describe('resolveTemporalServer', () => {
  it('without a cached build and without Go, stops with one sentence saying to install Go', () => {
    const cache = mkdtempSync(join(tmpdir(), 'mutu-cache-'));
    try {
      const call = () => resolveTemporalServer(() => undefined, { PATH: '/nonexistent', MUTU_CACHE_DIR: cache });
      expect(call).toThrow(PrerequisiteError);
      expect(call).toThrow(/^Temporal server: not built yet and Go is not on PATH; install Go ≥ 1\.25 \(https:\/\/go\.dev\/dl\/\) so Mutu can build v1\.29\.1 once into .+\.$/);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
