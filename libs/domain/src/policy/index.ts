export * from './approval-policy';
