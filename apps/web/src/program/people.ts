// Names instead of ids: the program view carries a directory of the users its state mentions.
import type { ProgramView } from '../api/types';
import type { Lang } from '../i18n/i18n';
import { label } from '../i18n/labels';

export type Directory = NonNullable<ProgramView['people']>;

/** The user's name, or the id when the directory does not know it (a deleted account). */
export function personName(people: Directory | undefined, userId: string | null | undefined): string {
  if (!userId) return '';
  return people?.[userId]?.name ?? userId;
}

/** "Name (Role)": the role the user acted in when known, else the user's roles. */
export function personWithRole(people: Directory | undefined, userId: string, lang: Lang, role?: string | null): string {
  const roles = role ? [role] : (people?.[userId]?.roles ?? []);
  const name = personName(people, userId);
  return roles.length ? `${name} (${roles.map((r) => label('role', r, lang)).join(', ')})` : name;
}

/** "SD Negeri Cipinang 01 (NPSN 20100001)", or the id while the name is unknown. */
export function schoolText(school: ProgramView['school'], fallbackId: string): string {
  if (!school) return fallbackId;
  return school.npsn ? `${school.name} (NPSN ${school.npsn})` : school.name;
}
