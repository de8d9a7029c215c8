// The events of the admin stream: who changed the directory or the calendar, what, and which
// regions it touches (so a region's auditor sees its own). Secrets (passwords) never enter them.
import type { Actor, Role } from '@mutu/domain';

export const ADMIN_EVENT_TYPES = ['RegionCreated', 'SchoolCreated', 'UserCreated', 'UserUpdated', 'DayOffAdded', 'DayOffRemoved', 'DirectoryImported', 'NationalDaysOffSeeded', 'DeadlinePolicySet'] as const;
export type AdminEventType = (typeof ADMIN_EVENT_TYPES)[number];

export interface AdminEventBase {
  by: string;
  role: Role;
  at: string;
  /** Regions the change concerns; empty for national ones (collective leave, a user without scope). */
  regions: string[];
}

export function adminMeta(actor: Actor, regions: readonly (string | null | undefined)[]): AdminEventBase {
  const role: Role = actor.roles.includes('admin') ? 'admin' : actor.roles[0]!;
  return { by: actor.userId, role, at: new Date().toISOString(), regions: [...new Set(regions.filter((r): r is string => !!r))].sort() };
}

export interface UserSnapshot {
  name: string;
  roles: string[];
  schoolIds: string[];
  regionIds: string[];
  disabled: boolean;
}

/** What changed between two snapshots of a user, field by field (before → after). */
export function userChanges(before: UserSnapshot, after: Partial<UserSnapshot>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ['name', 'roles', 'schoolIds', 'regionIds', 'disabled'] as const) {
    const to = after[key];
    if (to !== undefined && JSON.stringify(to) !== JSON.stringify(before[key])) changes[key] = { from: before[key], to };
  }
  return changes;
}
