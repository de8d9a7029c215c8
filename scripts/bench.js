// `npm run bench -- <name>`: builds, provisions what the benchmark needs, runs bench/<name>.bench.ts
// (compiled), prints a table and writes bench/results/<name>.json.
const fs = require('fs');
const path = require('path');
const name = process.argv[2];
const benchDir = path.join(__dirname, '..', 'bench');
const available = fs.readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}>`);
  process.exit(64);
}
try {
  require('./ensure-dependencies').ensureDependencies();
  require('./build').build();
} catch (e) {
  console.error(`[mutu] bench failed: ${e && e.message ? e.message : String(e)}`);
  process.exit(1);
}
require('./register-dist');
const mod = require(path.join(__dirname, '..', 'dist', 'bench', `${name}.bench.js`));
Promise.resolve(mod.main(process.argv.slice(3))).then(
  () => process.exit(0),
  async (e) => {
    // A provisioning failure is one sentence (what, why, what to do); anything else keeps its stack.
    if (e && e.name === 'PrerequisiteError') console.error(`[mutu] ${e.message}`);
    else console.error(e);
    // A failed benchmark never reached its own cleanup: stop the servers it provisioned.
    await require(path.join(__dirname, '..', 'dist', 'bench', 'support', 'bench-env.js')).stopAfterFailure();
    process.exit(1);
  },
);
