// `npm run chaos`: the long fault suite (200 programs, repeated kills and restarts) on the
// production topology; CHAOS_SEED repeats a run, CHAOS_PROGRAMS / CHAOS_CONCURRENCY resize it.
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
require('./ensure-dependencies').ensureDependencies();
const args = [require.resolve('jest/bin/jest'), '--selectProjects', 'prod', '--runTestsByPath', path.join('test', 'prod', 'chaos.prod.test.ts'), ...process.argv.slice(2)];
const result = spawnSync(process.execPath, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHAOS_LONG: '1', LOG_LEVEL: process.env.LOG_LEVEL || 'silent' },
});
process.exit(result.status ?? 1);
