// @mutu/domain: pure business rules. No I/O, no clock, no Node built-ins: imported by workflows.
export * from './errors';
export * from './actor';
export * from './program';
export * from './bosp';
export * from './campaign';
export * from './policy';
export * from './template';
export * from './reporting';
