import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The events table alone carries an append: the `commands` and `streams` tables it wrote beside
 * the events are dropped. A command's events are numbered from 0 (`command_index`), and the unique
 * (command_id, command_index) index replaces the plain command-id index: its 0 entry claims the
 * command id, so a retry collides there as a stale version collides on (stream_id, version). A
 * stream's head is its last event. `commands` stays readable as a view for SQL readers.
 */
export class EventsOnlyAppend1760000000500 implements MigrationInterface {
  name = 'EventsOnlyAppend1760000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE events ADD COLUMN command_index integer NOT NULL DEFAULT 0');
    // Numbering existing events rewrites them: the append-only trigger's escape hatch, for this
    // transaction only (migrations run one transaction each).
    await q.query(`SET LOCAL mutu.allow_event_rewrite = 'on'`);
    await q.query(`
      UPDATE events e SET command_index = e.version - f.first_version
        FROM (SELECT stream_id, command_id, min(version) AS first_version FROM events GROUP BY stream_id, command_id) f
       WHERE e.stream_id = f.stream_id AND e.command_id = f.command_id AND e.version > f.first_version`);
    // Every writer states the index: a forgotten one must fail, not collide silently at 0.
    await q.query('ALTER TABLE events ALTER COLUMN command_index DROP DEFAULT');
    await q.query('DROP INDEX events_command_idx');
    await q.query('CREATE UNIQUE INDEX events_command_uq ON events (command_id, command_index)');
    await q.query('DROP TABLE commands');
    await q.query('DROP TABLE streams');
    await q.query(`
      CREATE VIEW commands AS
      SELECT command_id, stream_id, min(version) AS from_version, max(version) AS to_version, min(recorded_at) AS recorded_at
        FROM events GROUP BY command_id, stream_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW commands');
    await q.query(`
      CREATE TABLE commands (
        command_id   text PRIMARY KEY,
        stream_id    text        NOT NULL,
        from_version integer     NOT NULL,
        to_version   integer     NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO commands (command_id, stream_id, from_version, to_version, recorded_at)
      SELECT command_id, stream_id, min(version), max(version), min(recorded_at) FROM events GROUP BY command_id, stream_id`);
    await q.query(`
      CREATE TABLE streams (
        stream_id   text PRIMARY KEY,
        version     integer  NOT NULL,
        head_hash   char(64) NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO streams (stream_id, version, head_hash, updated_at)
      SELECT DISTINCT ON (stream_id) stream_id, version, hash, recorded_at FROM events ORDER BY stream_id, version DESC`);
    await q.query('DROP INDEX events_command_uq');
    await q.query('CREATE INDEX events_command_idx ON events (command_id)');
    await q.query('ALTER TABLE events DROP COLUMN command_index');
  }
}
