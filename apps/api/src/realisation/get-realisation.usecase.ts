import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { DataSource } from 'typeorm';
import { schoolInScope } from '../common/school-scope';
import { BospComponentsRepository } from '../bosp/bosp-components.repository';
import { buildRealisation, type PlannedRow, type RealisationReport, type SpentRow } from './realisation.model';

/** A school's realisation for a budget year, from the realisation read model; 404 outside the caller's scope. */
@Injectable()
export class GetRealisationUseCase {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(BospComponentsRepository) private readonly lists: BospComponentsRepository,
  ) {}

  async execute(actor: Actor, schoolId: string, budgetYear: number): Promise<RealisationReport> {
    const school = await schoolInScope(this.ds, actor, schoolId);
    const [planned, spent, list]: [PlannedRow[], SpentRow[], Awaited<ReturnType<BospComponentsRepository['get']>>] = await Promise.all([
      this.ds.query(
        `SELECT program_id, program_title, activity_id, activity_title, component, planned_amount, to_char(window_start, 'YYYY-MM-DD') AS window_start, status
           FROM realisation_activities WHERE school_id = $1 AND budget_year = $2`,
        [schoolId, budgetYear],
      ),
      this.ds.query(
        `SELECT program_id, activity_id, expenditure_id, component, to_char(spent_on, 'YYYY-MM-DD') AS spent_on, amount, payee,
                siplah_order_number, evidence_sha256, legacy
           FROM realisation_expenditures WHERE school_id = $1 AND budget_year = $2`,
        [schoolId, budgetYear],
      ),
      this.lists.get(budgetYear),
    ]);
    return buildRealisation({ schoolId, name: school.name }, budgetYear, list, planned, spent);
  }
}
