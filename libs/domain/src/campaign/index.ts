export * from './campaign.schemas';
export * from './campaign.aggregate';
export * from './cluster.commands';
export * from './cluster.events';
export * from './cluster.state';
export { decideCluster } from './cluster.decider';
export { evolveCluster, foldCluster } from './cluster.evolve';
export { clusterRoleOf, localDateOf, type ClusterRole } from './cluster.rules';
export * from './rtl-program';
