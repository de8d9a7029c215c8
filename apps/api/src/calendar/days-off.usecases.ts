import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { hasRole, type Actor } from '@mutu/domain';
import { DaysOffRepository } from '@mutu/persistence';
import { ApiError, notFound } from '../common/api-error';

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
  private readonly repo: DaysOffRepository;

  constructor(@Inject(DataSource) ds: DataSource) {
    this.repo = new DaysOffRepository(ds);
  }

  add(actor: Actor, body: NewDayOffBody) {
    requireAdmin(actor);
    return this.repo.add({ ...body, createdBy: actor.userId });
  }

  async remove(actor: Actor, dayOffId: string): Promise<void> {
    requireAdmin(actor);
    if (!(await this.repo.remove(dayOffId))) throw notFound('day off');
  }
}
