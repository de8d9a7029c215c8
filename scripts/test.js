// `npm test`: the whole suite. Provisioning happens in jest's global setup; results also go to
// test-results/jest.json so CI can print plain totals.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
require('./ensure-dependencies').ensureDependencies();
fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
const args = [
  require.resolve('jest/bin/jest'),
  '--ci',
  '--json',
  `--outputFile=${path.join(root, 'test-results', 'jest.json')}`,
  ...process.argv.slice(2),
];
const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL || 'silent' } });
process.exit(result.status ?? 1);
