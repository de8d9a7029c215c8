// The single reader of tsconfig `paths`: jest, the runtime loader and the workflow bundler all
// take their `@mutu/*` aliases from here.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

function aliasMap(baseDir = root) {
  const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
  const paths = tsconfig.compilerOptions.paths;
  const out = {};
  for (const [alias, [target]] of Object.entries(paths)) {
    out[alias] = path.join(baseDir, target);
  }
  return out;
}

module.exports = { aliasMap, root };
