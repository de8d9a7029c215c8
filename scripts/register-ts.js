// Runs the TypeScript sources directly (tests' child processes, dev scripts): .ts files are
// compiled on load with swc (decorator metadata on) and `@mutu/*` resolve from tsconfig paths.
const Module = require('module');
const fs = require('fs');
const { transformSync } = require('@swc/core');
const { aliasMap } = require('./aliases');

const aliases = aliasMap();
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveMutuAlias(request, ...rest) {
  return originalResolve.call(this, aliases[request] ?? request, ...rest);
};

Module._extensions['.ts'] = function compileTs(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
