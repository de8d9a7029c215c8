import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Event data and metadata are kept as `json`, the text exactly as written, instead of `jsonb`.
 * The store writes canonical JSON, so a stored event's text is the text its hash was taken over:
 * verification hashes the column as it comes (PostgreSQL can even hash it itself), where `jsonb`
 * had to be printed by PostgreSQL, parsed and re-serialized canonically for every event.
 * Rows converted here keep jsonb's printed form; the verifier canonicalizes text that does not
 * hash as stored, so they verify exactly, only slower.
 */
export class EventsJsonText1760000000510 implements MigrationInterface {
  name = 'EventsJsonText1760000000510';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE events ALTER COLUMN data TYPE json USING data::json, ALTER COLUMN metadata TYPE json USING metadata::json');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE events ALTER COLUMN data TYPE jsonb USING data::jsonb, ALTER COLUMN metadata TYPE jsonb USING metadata::jsonb');
  }
}
