export * from './school-reporting.schemas';
export * from './school-reporting.decider';
