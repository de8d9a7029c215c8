import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { hasRole, type Actor } from '@mutu/domain';
import { AdminActions } from '../admin/admin-actions.service';
import { ApiError } from '../common/api-error';

export const NewDayOffBodySchema = z
  .strictObject({
    date: z.iso.date(),
    kind: z.enum(['collective_leave', 'local']),
    name: z.string().min(1).max(200),
    regionId: z.string().min(1).max(200).optional(),
    schoolId: z.string().min(1).max(200).optional(),
  })
  .refine((b) => b.kind === 'collective_leave' || b.regionId !== undefined || b.schoolId !== undefined, {
    message: 'a local day off needs a regionId or a schoolId',
    path: ['regionId'],
  });
export type NewDayOffBody = z.infer<typeof NewDayOffBodySchema>;
export const DayOffIdSchema = z.string().regex(/^\d{1,18}$/, 'must be a day-off id');

function requireAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw new ApiError(403, 'FORBIDDEN', 'Only an admin may edit days off.');
}

/**
 * Admin edits of collective leave and local days off. Programs pick a change up the next time
 * their schedule is computed (stage start, extension, activity change).
 */
@Injectable()
export class EditDaysOffUseCase {
  constructor(@Inject(AdminActions) private readonly actions: AdminActions) {}

  /** Each edit is an event of the admin stream, appended with the change. */
  add(actor: Actor, body: NewDayOffBody) {
    requireAdmin(actor);
    return this.actions.addDayOff(actor, body);
  }

  async remove(actor: Actor, dayOffId: string): Promise<void> {
    requireAdmin(actor);
    await this.actions.removeDayOff(actor, dayOffId);
  }
}
