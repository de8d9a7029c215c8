// Entry point of the workflow bundle (every workflow type the worker runs) and of the shared
// message definitions the API and tests use.
export * from './program';
export * from './campaign';
export * from './template';
export * from './audit';
export * from './school-reporting';
