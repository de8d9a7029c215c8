// Test helpers, not part of the runtime barrel (keeps them out of the workflow bundle).
export * from './fixtures';
export * from './specification';
export * from './campaign-fixtures';
export * from './decider-specification';
export * from './cluster-specification';
