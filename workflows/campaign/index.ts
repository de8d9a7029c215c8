export * from './campaign.messages';
