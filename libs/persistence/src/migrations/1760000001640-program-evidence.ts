import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToApplicationRole } from './1760000001000-application-role';

/**
 * `program_evidence`: every evidence file a program's activities hold, by hash. An evidence
 * download looks the file up here (an index scan) instead of searching every program state in the
 * caller's scope. Written by the program projector when an append changes a program's evidence;
 * filled here from the stored states, which hold every program's current evidence (the projector
 * wrote the state with every change of evidence until this table existed).
 */
export class ProgramEvidence1760000001640 implements MigrationInterface {
  name = 'ProgramEvidence1760000001640';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE program_evidence (
        program_id  text NOT NULL,
        activity_id text NOT NULL,
        sha256      text NOT NULL,
        filename    text NOT NULL,
        mime_type   text NOT NULL,
        PRIMARY KEY (program_id, activity_id, sha256)
      )`);
    await q.query('CREATE INDEX program_evidence_sha256 ON program_evidence (sha256)');
    await q.query(`
      INSERT INTO program_evidence (program_id, activity_id, sha256, filename, mime_type)
      SELECT p.program_id, a->>'id', e->>'sha256', e->>'filename', e->>'mimeType'
        FROM programs p, json_array_elements(p.state->'plan'->'activities') a, json_array_elements(a->'evidence') e
      ON CONFLICT DO NOTHING`);
    await q.query(grantToApplicationRole('SELECT, INSERT, UPDATE, DELETE, TRUNCATE', 'program_evidence'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE program_evidence');
  }
}
