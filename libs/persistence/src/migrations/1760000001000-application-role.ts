import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The group role the application's login role (mutu_app, made at provisioning) belongs to. */
export const APPLICATION_GROUP_ROLE = 'mutu_application';

/**
 * SQL: grants `privileges` on `tables` to the application group role when the role exists (a
 * database migrated without it, as throwaway test databases may be, has no one to grant to).
 */
export const grantToApplicationRole = (privileges: string, tables: string) => `
  DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPLICATION_GROUP_ROLE}') THEN
      GRANT ${privileges} ON ${tables} TO ${APPLICATION_GROUP_ROLE};
    END IF;
  END $$`;

/**
 * Append-only by privilege, not by convention. The application role may INSERT and SELECT events
 * and nothing else (no UPDATE, DELETE, TRUNCATE, REFERENCES or TRIGGER); every other table (the
 * read models, sessions, idempotency records, outbox...) and those later migrations create stay
 * writable by it. The trigger's `mutu.allow_event_rewrite` escape hatch, which any session could
 * set, now opens only for the table's owner (the role that runs migrations) or a superuser, and
 * TRUNCATE is refused by a statement trigger as well.
 */
export class ApplicationRole1760000001000 implements MigrationInterface {
  name = 'ApplicationRole1760000001000';

  async up(q: QueryRunner): Promise<void> {
    // An owner without CREATEROLE (a managed database, prod:local's mutu_owner) cannot make the
    // group role: deploy/postgres-init.sql (or the provisioning) makes it beforehand; without it the
    // grants are skipped with a notice, and the deployment grants its own application role.
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPLICATION_GROUP_ROLE}') THEN
          BEGIN
            CREATE ROLE ${APPLICATION_GROUP_ROLE} NOLOGIN;
          EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'role ${APPLICATION_GROUP_ROLE} is missing and % may not create it: no grants made', current_user;
          END;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPLICATION_GROUP_ROLE}') THEN
          GRANT USAGE ON SCHEMA public TO ${APPLICATION_GROUP_ROLE};
          GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO ${APPLICATION_GROUP_ROLE};
          GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${APPLICATION_GROUP_ROLE};
          REVOKE ALL ON events FROM ${APPLICATION_GROUP_ROLE};
          GRANT SELECT, INSERT ON events TO ${APPLICATION_GROUP_ROLE};
          -- Tables and sequences created by later migrations (run by this same owner role).
          ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO ${APPLICATION_GROUP_ROLE};
          ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${APPLICATION_GROUP_ROLE};
        END IF;
      END $$`);
    // Nobody but the owner changes events: nothing granted to PUBLIC.
    await q.query('REVOKE ALL ON events FROM PUBLIC');
    await q.query(`
      CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The escape hatch (data migrations, deliberate tamper tests) is the owner's alone.
        IF current_setting('mutu.allow_event_rewrite', true) = 'on'
           AND (current_user = (SELECT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.oid = TG_RELID)
                OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)) THEN
          RETURN COALESCE(NEW, OLD);
        END IF;
        RAISE EXCEPTION 'events are append-only' USING ERRCODE = 'P0001';
      END $$`);
    await q.query('CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER events_no_truncate ON events');
    await q.query(`
      CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('mutu.allow_event_rewrite', true) = 'on' THEN
          RETURN COALESCE(NEW, OLD);
        END IF;
        RAISE EXCEPTION 'events are append-only' USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APPLICATION_GROUP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APPLICATION_GROUP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APPLICATION_GROUP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APPLICATION_GROUP_ROLE}`);
  }
}
