import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An expenditure id is unique within its activity, not within the program (the decider refuses a
 * duplicate per activity only): two activities may each record an "e1". Keyed by program alone,
 * the realisation read model refused the second one inside the append's transaction, so the
 * append failed and was retried without end.
 */
export class RealisationExpenditureKey1760000001565 implements MigrationInterface {
  name = 'RealisationExpenditureKey1760000001565';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE realisation_expenditures DROP CONSTRAINT realisation_expenditures_pkey');
    await q.query('ALTER TABLE realisation_expenditures ADD PRIMARY KEY (program_id, activity_id, expenditure_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE realisation_expenditures DROP CONSTRAINT realisation_expenditures_pkey');
    await q.query('ALTER TABLE realisation_expenditures ADD PRIMARY KEY (program_id, expenditure_id)');
  }
}
