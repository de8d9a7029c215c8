// `npm run record-histories`: runs the *.recorder.ts files (programs, campaigns) with the workflow project's
// transform and aliases and the suite's global setup (PostgreSQL, Temporal, workflow bundle).
const root = require('../../jest.config');
const workflow = root.projects.find((p) => p.displayName === 'workflow');

module.exports = {
  ...workflow,
  displayName: 'record-histories',
  testMatch: ['<rootDir>/test/replay/*.recorder.ts'],
  testTimeout: 300_000,
  globalSetup: root.globalSetup,
  globalTeardown: root.globalTeardown,
};
