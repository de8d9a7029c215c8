import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Calendar data (public holidays, days off), versioned deadline policies, and the deadlines read model. */
export class Deadlines1760000000400 implements MigrationInterface {
  name = 'Deadlines1760000000400';

  async up(q: QueryRunner): Promise<void> {
    // A snapshot of the holidays library per year: once a year is stored, a library update does not
    // silently move a running year's deadlines (an admin can still add or remove days off).
    await q.query(`
      CREATE TABLE holidays (
        date       date PRIMARY KEY,
        year       integer NOT NULL,
        name       text NOT NULL,
        source     text NOT NULL DEFAULT 'date-holidays',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX holidays_year_idx ON holidays (year)`);
    // Collective leave (national) and local days off (region or school), editable by an admin.
    await q.query(`
      CREATE TABLE days_off (
        day_off_id bigserial PRIMARY KEY,
        date       date NOT NULL,
        kind       text NOT NULL CHECK (kind IN ('collective_leave', 'local')),
        region_id  text,
        school_id  text,
        name       text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX days_off_scope_uq ON days_off (date, COALESCE(region_id, ''), COALESCE(school_id, ''))`,
    );
    await q.query(`
      CREATE TABLE deadline_policies (
        version    integer PRIMARY KEY CHECK (version >= 1),
        policy     jsonb NOT NULL,
        note       text,
        created_by text NOT NULL DEFAULT 'system',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The last schedule computed for each open deadline of a program (replaced per stage).
    await q.query(`
      CREATE TABLE deadlines (
        program_id     text NOT NULL,
        deadline_key   text NOT NULL,
        stage          text NOT NULL,
        activity_id    text,
        school_id      text,
        budget_year    integer,
        due_date       date NOT NULL,
        owner_role     text NOT NULL,
        extended       boolean NOT NULL DEFAULT false,
        reminders      jsonb NOT NULL,
        escalations    jsonb NOT NULL,
        policy_version integer NOT NULL,
        computed_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (program_id, deadline_key)
      )`);
    await q.query(`CREATE INDEX deadlines_school_year_idx ON deadlines (school_id, budget_year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE deadlines');
    await q.query('DROP TABLE deadline_policies');
    await q.query('DROP TABLE days_off');
    await q.query('DROP TABLE holidays');
  }
}
