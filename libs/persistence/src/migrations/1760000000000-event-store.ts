import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only, hash-chained event store and the first read models. */
export class EventStore1760000000000 implements MigrationInterface {
  name = 'EventStore1760000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        position     bigserial PRIMARY KEY,
        stream_id    text        NOT NULL,
        version      integer     NOT NULL CHECK (version >= 1),
        type         text        NOT NULL,
        data         jsonb       NOT NULL,
        metadata     jsonb       NOT NULL,
        occurred_at  timestamptz NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now(),
        command_id   text        NOT NULL,
        prev_hash    char(64)    NOT NULL,
        hash         char(64)    NOT NULL,
        CONSTRAINT events_stream_version_uq UNIQUE (stream_id, version)
      )`);
    await q.query(`CREATE INDEX events_command_idx ON events (command_id)`);
    // One row per accepted command: the unique command id makes a retried append a no-op.
    await q.query(`
      CREATE TABLE commands (
        command_id   text PRIMARY KEY,
        stream_id    text        NOT NULL,
        from_version integer     NOT NULL,
        to_version   integer     NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE streams (
        stream_id   text PRIMARY KEY,
        version     integer  NOT NULL,
        head_hash   char(64) NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    // Events are never updated or deleted by the application; the trigger makes that explicit.
    await q.query(`
      CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('mutu.allow_event_rewrite', true) = 'on' THEN
          RETURN COALESCE(NEW, OLD);
        END IF;
        RAISE EXCEPTION 'events are append-only' USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`
      CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_append_only()`);

    await q.query(`
      CREATE TABLE programs (
        program_id   text PRIMARY KEY,
        school_id    text    NOT NULL,
        region_id    text    NOT NULL,
        budget_year  integer NOT NULL,
        title        text    NOT NULL,
        stage        text    NOT NULL,
        version      integer NOT NULL,
        state        jsonb   NOT NULL,
        progress     real    NOT NULL DEFAULT 0,
        next_due_date date,
        overdue      boolean NOT NULL DEFAULT false,
        created_at   timestamptz NOT NULL,
        updated_at   timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX programs_school_idx ON programs (school_id, budget_year, program_id)`);
    await q.query(`CREATE INDEX programs_region_idx ON programs (region_id, budget_year, program_id)`);
    await q.query(`CREATE INDEX programs_stage_idx ON programs (stage)`);
    await q.query(`
      CREATE TABLE tasks (
        task_id     text PRIMARY KEY,
        program_id  text NOT NULL REFERENCES programs(program_id) ON DELETE CASCADE,
        kind        text NOT NULL,
        stage       text NOT NULL,
        role        text NOT NULL,
        user_id     text,
        school_id   text NOT NULL,
        region_id   text NOT NULL,
        activity_id text,
        since       timestamptz NOT NULL,
        due_date    date
      )`);
    await q.query(`CREATE INDEX tasks_program_idx ON tasks (program_id)`);
    await q.query(`CREATE INDEX tasks_role_idx ON tasks (role, school_id)`);
    await q.query(`CREATE INDEX tasks_user_idx ON tasks (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE tasks');
    await q.query('DROP TABLE programs');
    await q.query('DROP TRIGGER events_no_update ON events');
    await q.query('DROP FUNCTION events_append_only');
    await q.query('DROP TABLE streams');
    await q.query('DROP TABLE commands');
    await q.query('DROP TABLE events');
  }
}
