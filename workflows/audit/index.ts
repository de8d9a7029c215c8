export * from './audit.activities';
export * from './audit-checkpoint.workflow';
