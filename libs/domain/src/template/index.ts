export * from './program-template';
export * from './copy-plan';
