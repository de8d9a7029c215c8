// A fresh clone has no node_modules: `npm start`, `npm test` and `npm run bench` install the
// locked dependencies first (once; again only when package-lock.json is newer than the install).
// Only Node built-ins here, since nothing else is installed yet.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

function ensureDependencies() {
  const root = path.resolve(__dirname, '..');
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  process.stdout.write('[mutu] dependencies: installing from package-lock.json (npm install)\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('[mutu] dependencies: npm install failed\n');
    process.exit(result.status ?? 1);
  }
  // npm leaves the file alone when nothing needed installing: mark this install as current.
  const now = new Date();
  if (fs.existsSync(installed)) fs.utimesSync(installed, now, now);
}

module.exports = { ensureDependencies };
