export * from './approval-policy';
export * from './assigned-supervisors';
