export * from './bundler-options';
export * from './connection-options';
export * from './search-attributes';
export * from './temporal-client.module';
export * from './campaign-launcher';
export * from './execute-update';
