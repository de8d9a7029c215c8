// Request schemas of the notification centre routes (the route table names them).
import { z } from 'zod';

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time HH:MM');

export const NotificationPreferencesBodySchema = z
  .strictObject({
    channels: z.strictObject({ email: z.boolean(), webhook: z.boolean(), inApp: z.boolean() }),
    /** Where the webhook channel posts; required while the channel is on. */
    webhookUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null),
    /** Quiet hours in the user's time zone: both set or both null; may wrap midnight (22:00–06:00). */
    quietHours: z.strictObject({ start: LocalTime, end: LocalTime }).nullable(),
    timeZone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']),
    digest: z.enum(['daily', 'off']),
    language: z.enum(['id', 'en']),
  })
  .superRefine((p, ctx) => {
    if (p.channels.webhook && !p.webhookUrl) ctx.addIssue({ code: 'custom', path: ['webhookUrl'], message: 'required while the webhook channel is on' });
    if (p.quietHours && p.quietHours.start === p.quietHours.end) ctx.addIssue({ code: 'custom', path: ['quietHours', 'end'], message: 'quiet hours end where they start' });
  });
export type NotificationPreferencesBody = z.infer<typeof NotificationPreferencesBodySchema>;

/** Inbox row ids (bigserial, as the inbox lists them). */
export const MarkReadBodySchema = z.strictObject({
  ids: z.array(z.string().regex(/^[1-9]\d{0,17}$/, 'not a notification id')).min(1).max(200),
});
export type MarkReadBody = z.infer<typeof MarkReadBodySchema>;
