export type * from './program.activities';
export * from './program.messages';
export * from './program.workflow';
export * from './schedule-facts';
