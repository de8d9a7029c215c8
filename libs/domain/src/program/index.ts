export * from './program.schemas';
export * from './program.commands';
export * from './program.events';
export * from './program.state';
export { decide } from './program.decider';
export { evolve, fold } from './program.evolve';
export * from './program.pending';
export * from './plan.rules';
export * from './upcast';
