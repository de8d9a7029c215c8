/* global module */
// The layers of the tree, as rules `npm run lint` checks (dependency-cruiser over apps, libs and
// workflows; test/unit/layers.spec.ts proves each rule fires). From the bottom up:
//   libs/domain             pure rules: imports nothing of ours
//   libs/*                  infrastructure and shared services: the domain and each other, never
//                           an app or a workflow
//   workflows/*             replayed code: the domain and their own files; anything else of ours
//                           (activity and schedule types) only as type-only imports
//   apps/*                  api, worker, cli, web: any lib or workflow, never another app (the web
//                           app reads the API's view shapes, type-only)
// and nowhere a cycle, type-only imports included (they are how a cycle between modules starts).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one: break it by moving the shared part down or by inverting the dependency (a port).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-nothing-of-ours',
      severity: 'error',
      comment: 'libs/domain is the pure bottom layer: deciders, schemas, errors. It imports npm packages only.',
      from: { path: '^libs/domain/' },
      to: { path: '^(apps|libs|workflows)/', pathNot: '^libs/domain/' },
    },
    {
      name: 'libs-never-import-apps-or-workflows',
      severity: 'error',
      comment: 'A library is below every app and every workflow: pass what it needs in (a port, a name) instead.',
      from: { path: '^libs/' },
      to: { path: '^(apps|workflows)/' },
    },
    {
      name: 'workflows-import-domain-and-own-files',
      severity: 'error',
      comment: 'Workflow code is replayed: of ours it imports @mutu/domain and workflows/ only; activity interfaces and their types as type-only imports.',
      from: { path: '^workflows/' },
      to: { path: '^(apps|libs)/', pathNot: '^libs/domain/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'workflows-import-no-io-packages',
      severity: 'error',
      comment: 'Workflow code is replayed: no Node built-in and no npm package but the workflow SDK (types excepted).',
      from: { path: '^workflows/' },
      to: {
        dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        dependencyTypesNot: ['type-only'],
        pathNot: '^node_modules/@temporalio/(workflow|common)/',
      },
    },
    {
      name: 'apps-never-import-other-apps',
      severity: 'error',
      comment: 'Apps are the top layer and separate deployables: share code through a lib.',
      from: { path: '^apps/((?!web/)[^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'web-imports-no-other-app',
      severity: 'error',
      comment: 'The web app is built for the browser: of the other apps it reads only the shapes the API answers (next rule).',
      from: { path: '^apps/web/' },
      to: { path: '^apps/', pathNot: ['^apps/web/', '^apps/api/.+[.]views[.]ts$'] },
    },
    {
      name: 'web-reads-api-views-as-types-only',
      severity: 'error',
      comment: 'The web app types its API client with the API view shapes (apps/api/**/*.views.ts) through type-only imports, erased from the bundle.',
      from: { path: '^apps/web/' },
      to: { path: '^apps/api/.+[.]views[.]ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import the tool cannot resolve would escape every rule above (check tsconfig paths).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.generated)/' },
    // Type-only imports count: they are what makes `import type` cycles and type-only exceptions visible.
    tsPreCompilationDeps: true,
    // The @mutu/* aliases resolve as tsc, jest and the bundler resolve them (tsconfig paths).
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
