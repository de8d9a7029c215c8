import { Controller, Inject, Query, Res } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import type { Response } from 'express';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { RegionDashboardQuerySchema, type RegionDashboardQuery } from './dashboard.schemas';
import { dashboardXlsx } from './dashboard.xlsx';
import { GetRegionDashboardUseCase } from './get-region-dashboard.usecase';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const QueryPipe = new ZodPipe(RegionDashboardQuerySchema);

/** The education office's dashboard of a region: JSON and XLSX of one computation. */
@Controller()
export class DashboardController {
  constructor(@Inject(GetRegionDashboardUseCase) private readonly get: GetRegionDashboardUseCase) {}

  @Route(ROUTES.regionDashboard)
  async json(@CurrentActor() actor: Actor, @Query(QueryPipe) q: RegionDashboardQuery, @Res() res: Response) {
    res.type('application/json').send(await this.get.json(actor, q));
  }

  @Route(ROUTES.regionDashboardXlsx)
  async xlsx(@CurrentActor() actor: Actor, @Query(QueryPipe) q: RegionDashboardQuery, @Res() res: Response) {
    const d = await this.get.execute(actor, q);
    res.setHeader('content-disposition', `attachment; filename="dasbor-${d.regionId}-${d.budgetYear}.xlsx"`);
    res.type(XLSX).send(await dashboardXlsx(d));
  }
}
