import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { EventStore, programStreamId } from '@mutu/persistence';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AuditAccess } from './audit-access.service';
import { describeEvent, reasonOf, ROLE_NAMES, type Lang } from './timeline.texts';

export const TimelineQuerySchema = z.strictObject({ lang: z.enum(['id', 'en']).default('id') });
export type TimelineQuery = z.infer<typeof TimelineQuerySchema>;

/** Who did what, when and why, one line per event, for people rather than machines. */
@Injectable()
export class GetTimelineUseCase {
  constructor(
    @Inject(AuditAccess) private readonly access: AuditAccess,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  async execute(actor: Actor, programId: string, q: TimelineQuery) {
    await this.access.program(actor, programId);
    const events = await this.store.readStream(programStreamId(programId));
    const ids = [...new Set(events.map((e) => (e.data as { by?: string }).by).filter((x): x is string => !!x))];
    const users: { user_id: string; name: string }[] = ids.length
      ? await this.ds.query('SELECT user_id, name FROM users WHERE user_id = ANY($1::text[])', [ids])
      : [];
    const names = new Map(users.map((u) => [u.user_id, u.name]));
    const lang: Lang = q.lang;
    return {
      programId,
      lang,
      entries: events.map((e) => {
        const data = e.data as Record<string, unknown> & { by?: string; role?: string };
        const who = data.by ? { userId: data.by, name: names.get(data.by) ?? data.by, role: data.role ?? null } : null;
        const roleName = who?.role ? ROLE_NAMES[lang][who.role] ?? who.role : null;
        const what = describeEvent(e.type, data, lang);
        const why = reasonOf(data);
        const subject = who ? `${roleName ? `${roleName} ` : ''}${who.name}` : lang === 'id' ? 'Sistem' : 'System';
        const because = why ? (lang === 'id' ? ` — alasan: ${why}` : ` — reason: ${why}`) : '';
        return { version: e.version, at: e.occurredAt, type: e.type, who, what, why, text: `${subject} ${what}${because}` };
      }),
    };
  }
}
