export * from './cache-dir';
export * from './free-port';
export * from './log';
export * from './postgres';
export * from './temporal-cli';
export * from './temporal-dev-server';
export * from './time-skipping-server';
