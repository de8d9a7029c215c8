import { Controller, Inject, Param, Res } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { PathIdSchema, PathYearSchema } from '../routes/route-schemas';
import { GetRealisationUseCase } from './get-realisation.usecase';
import { realisationCsv, realisationXlsx } from './realisation.files';

const Params = new ZodPipe(z.object({ schoolId: PathIdSchema, year: PathYearSchema }));
type Params = { schoolId: string; year: number };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A school's BOSP realisation report: JSON, XLSX and CSV of one computation. */
@Controller()
export class RealisationController {
  constructor(@Inject(GetRealisationUseCase) private readonly get: GetRealisationUseCase) {}

  @Route(ROUTES.realisation)
  json(@CurrentActor() actor: Actor, @Param(Params) p: Params) {
    return this.get.execute(actor, p.schoolId, p.year);
  }

  @Route(ROUTES.realisationXlsx)
  async xlsx(@CurrentActor() actor: Actor, @Param(Params) p: Params, @Res() res: Response) {
    const report = await this.get.execute(actor, p.schoolId, p.year);
    res.setHeader('content-disposition', `attachment; filename="realisasi-bosp-${p.schoolId}-${p.year}.xlsx"`);
    res.type(XLSX).send(await realisationXlsx(report));
  }

  @Route(ROUTES.realisationCsv)
  async csv(@CurrentActor() actor: Actor, @Param(Params) p: Params, @Res() res: Response) {
    const report = await this.get.execute(actor, p.schoolId, p.year);
    res.setHeader('content-disposition', `attachment; filename="realisasi-bosp-${p.schoolId}-${p.year}.csv"`);
    res.type('text/csv; charset=utf-8').send(realisationCsv(report));
  }
}
