export * from './campaign-directory';
export * from './campaign-id';
export * from './campaign-sheet';
export * from './import-campaign';
export * from './read-sheet';
export * from './sheet-errors';
export { COLUMNS, DEFAULT_TIME_ZONE } from './sheet-rows';
export * from './directory';
