import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification centre: per-user switches for the webhook and in-app channels (email already
 * has one), and the daily digest key. A digest is one email per user per local day: the row
 * (user, digest date) is taken before the email is sent, so two dispatchers never both send one,
 * and a resend after a crash carries the same Message-ID.
 */
export class NotificationCentre1760000001210 implements MigrationInterface {
  name = 'NotificationCentre1760000001210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_preferences ADD COLUMN webhook boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE notification_preferences ADD COLUMN in_app boolean NOT NULL DEFAULT true`);
    await q.query(`
      CREATE TABLE notification_digests (
        user_id     text NOT NULL,
        digest_date date NOT NULL,
        message_id  text NOT NULL,
        status      text NOT NULL DEFAULT 'sending' CHECK (status IN ('sending', 'sent')),
        leased_by   text,
        lease_until timestamptz,
        items       integer NOT NULL DEFAULT 0,
        created_at  timestamptz NOT NULL DEFAULT now(),
        sent_at     timestamptz,
        PRIMARY KEY (user_id, digest_date)
      )`);
    await q.query(`ALTER TABLE notification_outbox ADD COLUMN digest_date date`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX notifications_unread_idx');
    await q.query('ALTER TABLE notification_outbox DROP COLUMN digest_date');
    await q.query('DROP TABLE notification_digests');
    await q.query('ALTER TABLE notification_preferences DROP COLUMN in_app');
    await q.query('ALTER TABLE notification_preferences DROP COLUMN webhook');
  }
}
