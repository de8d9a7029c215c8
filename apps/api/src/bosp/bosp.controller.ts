import { Body, Controller, Inject, Param } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { CurrentActor } from '../auth/auth.guard';
import { bodyPipe, ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { PathYearSchema } from '../routes/route-schemas';
import { BospComponentsRepository } from './bosp-components.repository';
import { PutBospComponentsBodySchema, type PutBospComponentsBody } from './bosp.schemas';

const Year = new ZodPipe(PathYearSchema);

/** The BOSP component list of a budget year: everyone reads it, admins set it. */
@Controller()
export class BospController {
  constructor(@Inject(BospComponentsRepository) private readonly lists: BospComponentsRepository) {}

  @Route(ROUTES.getBospComponents)
  get(@Param('year', Year) year: number) {
    return this.lists.get(year);
  }

  @Route(ROUTES.putBospComponents)
  put(@CurrentActor() actor: Actor, @Param('year', Year) year: number, @Body(bodyPipe(PutBospComponentsBodySchema)) body: PutBospComponentsBody) {
    return this.lists.put(year, body.source, body.components, actor.userId);
  }
}
