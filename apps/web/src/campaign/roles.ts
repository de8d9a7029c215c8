// What a cluster role may do (the decider's rules, for showing only the actions that can succeed).
import type { ClusterRole } from '../api/types';

const TEAM: readonly ClusterRole[] = ['organiser', 'trainer', 'agency_staff', 'supervisor', 'principal'];
const RTL_APPROVERS: readonly ClusterRole[] = ['organiser', 'trainer', 'supervisor'];

/** The organiser and the mentoring team document meetings and may write any school's RTL. */
export const isTeam = (role: ClusterRole | null): boolean => role !== null && TEAM.includes(role);

export const isRtlApprover = (role: ClusterRole | null): boolean => role !== null && RTL_APPROVERS.includes(role);
