// `npm run record-histories`: runs record-histories.recorder.ts with the workflow project's
// transform and aliases and the suite's global setup (PostgreSQL, Temporal, workflow bundle).
const root = require('../../jest.config');
const workflow = root.projects.find((p) => p.displayName === 'workflow');

module.exports = {
  ...workflow,
  displayName: 'record-histories',
  testMatch: ['<rootDir>/test/replay/record-histories.recorder.ts'],
  testTimeout: 300_000,
  globalSetup: root.globalSetup,
  globalTeardown: root.globalTeardown,
};
