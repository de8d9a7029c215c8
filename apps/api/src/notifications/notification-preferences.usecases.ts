import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { DataSource } from 'typeorm';
import { UsersRepository } from '../auth/users.repository';
import type { NotificationPreferencesBody } from './notification.schemas';

interface PreferencesRow {
  email: boolean | null;
  webhook: boolean | null;
  in_app: boolean | null;
  webhook_url: string | null;
  digest: boolean | null;
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: string | null;
  locale: string;
}

function toView(r: PreferencesRow): NotificationPreferencesBody {
  return {
    channels: { email: r.email ?? true, webhook: (r.webhook ?? true) && r.webhook_url !== null, inApp: r.in_app ?? true },
    webhookUrl: r.webhook_url,
    quietHours: r.quiet_start && r.quiet_end ? { start: r.quiet_start, end: r.quiet_end } : null,
    timeZone: (r.time_zone ?? 'Asia/Jakarta') as NotificationPreferencesBody['timeZone'],
    digest: r.digest ? 'daily' : 'off',
    language: r.locale === 'en' ? 'en' : 'id',
  };
}

/**
 * The caller's notification preferences. A user without a row has the defaults (every channel on,
 * no quiet hours, no digest, Jakarta time). The language is the account's locale: the inbox,
 * emails and digests all speak it.
 */
@Injectable()
export class NotificationPreferencesUseCases {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async get(actor: Actor): Promise<NotificationPreferencesBody> {
    const [row]: PreferencesRow[] = await this.ds.query(
      `SELECT p.email, p.webhook, p.in_app, p.webhook_url, p.digest, to_char(p.quiet_start, 'HH24:MI') AS quiet_start,
         to_char(p.quiet_end, 'HH24:MI') AS quiet_end, p.time_zone, u.locale
       FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.user_id WHERE u.user_id = $1`,
      [actor.userId],
    );
    return toView(row ?? ({ locale: 'id' } as PreferencesRow));
  }

  /** Replaces the preferences as a whole (PUT); messages already queued keep the plan they were given. */
  async put(actor: Actor, b: NotificationPreferencesBody): Promise<NotificationPreferencesBody> {
    await this.ds.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO notification_preferences (user_id, email, webhook, in_app, webhook_url, digest, quiet_start, quiet_end, time_zone, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
         ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, webhook = EXCLUDED.webhook, in_app = EXCLUDED.in_app,
           webhook_url = EXCLUDED.webhook_url, digest = EXCLUDED.digest, quiet_start = EXCLUDED.quiet_start,
           quiet_end = EXCLUDED.quiet_end, time_zone = EXCLUDED.time_zone, updated_at = now()`,
        [actor.userId, b.channels.email, b.channels.webhook, b.channels.inApp, b.webhookUrl, b.digest === 'daily',
          b.quietHours?.start ?? null, b.quietHours?.end ?? null, b.timeZone],
      );
      await tx.query('UPDATE users SET locale = $2 WHERE user_id = $1', [actor.userId, b.language]);
    });
    this.users.forget(actor.userId);
    return this.get(actor);
  }
}
