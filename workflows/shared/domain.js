/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: its exports are the shared copy itself */
/* global require, module */
// What `@mutu/domain` resolves to inside the workflow bundle (see webpackConfigHook in
// libs/temporal). The domain is pure — zod schemas, decide, evolve, no state of its own — and
// building its schemas was most of what starting a program workflow cost (CPU on every start,
// continue-as-new and cache miss; about 1.75 MB of heap per cached program). So the first workflow
// in a worker evaluates it and every later one shares that copy.
const { oncePerWorker } = require('./once-per-worker');

module.exports = oncePerWorker('@mutu/domain', () => require('../../libs/domain/src/index.ts'));
