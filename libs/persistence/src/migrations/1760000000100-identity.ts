import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions, schools and users with their roles and scopes. */
export class Identity1760000000100 implements MigrationInterface {
  name = 'Identity1760000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE regions (
        region_id  text PRIMARY KEY,
        name       text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE schools (
        school_id  text PRIMARY KEY,
        region_id  text NOT NULL REFERENCES regions(region_id),
        name       text NOT NULL,
        npsn       text UNIQUE,
        level      text NOT NULL DEFAULT 'SD',
        time_zone  text NOT NULL DEFAULT 'Asia/Jakarta',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        user_id       text PRIMARY KEY,
        email         text NOT NULL UNIQUE,
        name          text NOT NULL,
        password_hash text NOT NULL,
        roles         text[] NOT NULL,
        school_ids    text[] NOT NULL DEFAULT '{}',
        region_ids    text[] NOT NULL DEFAULT '{}',
        locale        text NOT NULL DEFAULT 'id',
        disabled      boolean NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE users');
    await q.query('DROP TABLE schools');
    await q.query('DROP TABLE regions');
  }
}
