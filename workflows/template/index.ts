export * from './template.messages';
export * from './program-template.workflow';
export * from './template-batch.workflow';
