import { z } from 'zod';

export const RoleSchema = z.enum([
  'principal',
  'qa_team',
  'staff',
  'committee',
  'supervisor',
  'district_officer',
  'auditor',
  'admin',
  // Campaign trainers and agency staff (widyaiswara, FPMP/LPMP): they act only through their
  // membership of a mentoring campaign and hold no program powers.
  'mentor',
  'system',
]);
export type Role = z.infer<typeof RoleSchema>;
export const ROLES: readonly Role[] = RoleSchema.options;

export const ActorSchema = z.object({
  userId: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  roles: z.array(RoleSchema).min(1),
  schoolIds: z.array(z.string().min(1)),
  regionIds: z.array(z.string().min(1)),
});
export type Actor = z.infer<typeof ActorSchema>;

export interface ScopeTarget {
  schoolId: string;
  regionId: string;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

/** Roles that act on programs; an actor holding none of them (a mentor) sees no program. */
export const PROGRAM_ROLES: readonly Role[] = ['principal', 'qa_team', 'staff', 'committee', 'supervisor', 'district_officer', 'auditor', 'admin', 'system'];

export function hasProgramRole(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((r) => PROGRAM_ROLES.includes(r));
}

/** The workflow itself (role 'system') is always in scope; people by school or by region. */
export function isInScope(actor: Actor, target: ScopeTarget): boolean {
  return (
    hasRole(actor, 'system') || actor.schoolIds.includes(target.schoolId) || actor.regionIds.includes(target.regionId)
  );
}
