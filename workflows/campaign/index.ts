export * from './campaign.messages';
export type * from './campaign.activities';
export * from './campaign.workflow';
export * from './cluster-batch.workflow';
export * from './cluster.workflow';
