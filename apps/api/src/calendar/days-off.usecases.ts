import { Inject, Injectable } from '@nestjs/common';
import { hasRole, type Actor } from '@mutu/domain';
import { AdminActions } from '../admin/admin-actions.service';
import { ApiError } from '../common/api-error';
import type { NewDayOffBody } from './days-off.schemas';

export { DayOffIdSchema, NewDayOffBodySchema, type NewDayOffBody } from './days-off.schemas';

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
