import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { Actor } from '@mutu/domain';
import { renderTemplate, type TemplateName, type TemplateParams } from '@mutu/notifications';

export const InboxQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  unread: z.enum(['true', 'false']).optional(),
});
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

interface Row {
  notification_id: string;
  program_id: string;
  stage: string;
  kind: string;
  due_date: string;
  template: TemplateName;
  params: TemplateParams;
  created_at: Date;
  read_at: Date | null;
}

/** The caller's in-app inbox, newest first, rendered in the caller's language. */
@Injectable()
export class ListMyNotificationsUseCase {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async execute(actor: Actor, query: InboxQuery) {
    const [user] = await this.ds.query('SELECT locale FROM users WHERE user_id = $1', [actor.userId]);
    const rows: Row[] = await this.ds.query(
      `SELECT notification_id::text, program_id, stage, kind, to_char(due_date, 'YYYY-MM-DD') AS due_date, template, params,
         created_at, read_at
       FROM notifications WHERE user_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL)
       ORDER BY created_at DESC, notification_id DESC LIMIT $3`,
      [actor.userId, query.unread === 'true', query.limit],
    );
    return {
      items: rows.map((r) => ({
        id: r.notification_id,
        programId: r.program_id,
        stage: r.stage,
        kind: r.kind,
        dueDate: r.due_date,
        createdAt: r.created_at.toISOString(),
        read: r.read_at !== null,
        ...renderTemplate(r.template, user?.locale, r.params),
      })),
    };
  }
}
