// Resolves `@mutu/*` to the compiled files under dist/ for processes started from dist
// (npm start, the CLI). Same alias table as tsc, jest and the workflow bundler.
const Module = require('module');
const path = require('path');
const { aliasMap, root } = require('./aliases');

const dist = path.join(root, 'dist');
const aliases = Object.fromEntries(
  Object.entries(aliasMap(dist)).map(([alias, target]) => [alias, target.replace(/\.ts$/, '.js')]),
);
const original = Module._resolveFilename;
Module._resolveFilename = function resolveMutuAlias(request, ...rest) {
  const target = aliases[request];
  return original.call(this, target ?? request, ...rest);
};
