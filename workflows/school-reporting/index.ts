export * from './school-reporting.messages';
export type * from './school-reporting.activities';
export * from './school-reporting.workflow';
