// Compiles TypeScript into dist/ (incremental) and bundles the workflows once.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { root } = require('./aliases');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function build({ log = (l) => process.stdout.write(`[mutu] ${l}\n`) } = {}) {
  const started = Date.now();
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) throw new Error('TypeScript compilation failed (see above)');
  const bundle = path.join(root, 'dist', 'workflow-bundle.js');
  const sources = Math.max(newestMtime(path.join(root, 'workflows')), newestMtime(path.join(root, 'libs', 'domain')));
  if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < sources) {
    const b = spawnSync(process.execPath, ['-r', path.join(root, 'scripts', 'register-dist.js'), '-e',
      `require(${JSON.stringify(path.join(root, 'dist/libs/temporal/src/write-bundle.js'))}).writeWorkflowBundle(${JSON.stringify(bundle)}).catch(e => { console.error(e); process.exit(1); })`],
      { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('bundling the workflows failed (see above)');
  }
  const web = path.join(root, 'apps', 'web');
  const webIndex = path.join(web, 'dist', 'index.html');
  if (!fs.existsSync(webIndex) || fs.statSync(webIndex).mtimeMs < Math.max(newestMtime(path.join(web, 'src')), fs.statSync(path.join(web, 'index.html')).mtimeMs)) {
    const v = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', path.join(web, 'vite.config.ts'), '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (v.status !== 0) throw new Error('building the web app failed (see above)');
  }
  log(`build: compiled and bundled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { bundle };
}

module.exports = { build };
if (require.main === module) build();
