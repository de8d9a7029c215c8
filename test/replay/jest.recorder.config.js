// `npm run record-histories`: runs the *.recorder.ts files (programs, deadlines, campaigns, audit)
// with the workflow project's transform and aliases and the suite's global setup (PostgreSQL,
// Temporal, workflow bundle), one file at a time.
const root = require('../../jest.config');
const workflow = root.projects.find((p) => p.displayName === 'workflow');

// Commands are signed and their envelopes are recorded in the histories: sign them with this fixed,
// public test key (never a real one) so the files are reproducible and hold no secret.
process.env.COMMAND_SIGNING_KEY = 'mutu-replay-recorder-public-test-key-not-a-secret';
// Ids in the histories are fixed: always record into a throwaway database, never a persistent one.
delete process.env.DATABASE_URL;
delete process.env.DATABASE_OWNER_URL;

module.exports = {
  ...workflow,
  displayName: 'record-histories',
  testMatch: ['<rootDir>/test/replay/*.recorder.ts'],
  testTimeout: 300_000,
  maxWorkers: 1,
  globalSetup: root.globalSetup,
  globalTeardown: root.globalTeardown,
};
