export * from './bosp-components';
