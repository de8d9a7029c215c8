import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The notifications outbox (email, webhook), the in-app inbox, and per-user preferences. */
export class Notifications1760000000410 implements MigrationInterface {
  name = 'Notifications1760000000410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_outbox (
        outbox_id         bigserial PRIMARY KEY,
        program_id        text NOT NULL,
        stage             text NOT NULL,
        kind              text NOT NULL,
        due_date          date NOT NULL,
        recipient_user_id text NOT NULL,
        channel           text NOT NULL CHECK (channel IN ('email', 'webhook')),
        template          text NOT NULL,
        params            jsonb NOT NULL,
        event_position    bigint,
        status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
        attempts          integer NOT NULL DEFAULT 0,
        next_attempt_at   timestamptz NOT NULL DEFAULT now(),
        lease_until       timestamptz,
        leased_by         text,
        message_id        text NOT NULL,
        last_error        text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        sent_at           timestamptz,
        CONSTRAINT notification_outbox_key_uq UNIQUE (program_id, stage, kind, due_date, recipient_user_id, channel)
      )`);
    await q.query(
      `CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at) WHERE status IN ('pending', 'sending')`,
    );
    await q.query(`
      CREATE TABLE notifications (
        notification_id bigserial PRIMARY KEY,
        user_id         text NOT NULL,
        program_id      text NOT NULL,
        stage           text NOT NULL,
        kind            text NOT NULL,
        due_date        date NOT NULL,
        template        text NOT NULL,
        params          jsonb NOT NULL,
        created_at      timestamptz NOT NULL,
        read_at         timestamptz,
        CONSTRAINT notifications_key_uq UNIQUE (program_id, stage, kind, due_date, user_id)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE notification_preferences (
        user_id     text PRIMARY KEY,
        email       boolean NOT NULL DEFAULT true,
        webhook_url text,
        digest      boolean NOT NULL DEFAULT false,
        quiet_start time,
        quiet_end   time,
        time_zone   text NOT NULL DEFAULT 'Asia/Jakarta',
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notification_preferences');
    await q.query('DROP TABLE notifications');
    await q.query('DROP TABLE notification_outbox');
  }
}
