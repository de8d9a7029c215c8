import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { DataSource } from 'typeorm';

/** The unread count of the header, and marking in-app notifications read (one, or all at once). */
@Injectable()
export class InboxStateUseCases {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async unreadCount(actor: Actor): Promise<{ unread: number }> {
    const [row]: { n: string }[] = await this.ds.query('SELECT count(*) AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [actor.userId]);
    return { unread: Number(row?.n ?? 0) };
  }

  /** Only the caller's own rows change; marking twice keeps the first time. */
  async markRead(actor: Actor, ids: string[]): Promise<{ marked: number; unread: number }> {
    const [, marked]: [unknown[], number] = await this.ds.query(
      'UPDATE notifications SET read_at = now() WHERE notification_id = ANY($1::bigint[]) AND user_id = $2 AND read_at IS NULL',
      [ids, actor.userId],
    );
    return { marked, ...(await this.unreadCount(actor)) };
  }

  async markAllRead(actor: Actor): Promise<{ marked: number; unread: number }> {
    const [, marked]: [unknown[], number] = await this.ds.query(
      'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL',
      [actor.userId],
    );
    return { marked, ...(await this.unreadCount(actor)) };
  }
}
