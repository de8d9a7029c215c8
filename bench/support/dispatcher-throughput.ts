// Dispatcher throughput (emails/s through the outbox: claim, render, send, acknowledge) to a local
// SMTP server, against raw nodemailer sends of the same messages over as many connections.
import nodemailer from 'nodemailer';
import { DataSource } from 'typeorm';
import { OutboxDispatcher, SmtpEmailSender, messageIdFor } from '@mutu/notifications';
import { parallel } from './bench-programs';
import { startSmtpSink } from './smtp-sink';

export interface DispatcherThroughput {
  dispatchPerSecond: number;
  rawPerSecond: number;
  sent: number;
  rawReceived: number;
}

export async function dispatcherThroughput(databaseUrl: string, emails: number, run: string): Promise<DispatcherThroughput> {
  const ds = new DataSource({ type: 'postgres', url: databaseUrl, poolSize: 6 });
  await ds.initialize();
  const sink = await startSmtpSink();
  try {
    const userId = `bench-mail-${run}`;
    await ds.query(`INSERT INTO users (user_id, email, name, password_hash, roles) VALUES ($1, $2, 'Bench', 'x', '{principal}')`, [userId, `${userId}@bench.local`]);
    const programId = `bench-dispatch-${run}`;
    const keys = Array.from({ length: emails }, (_, i) => ({ programId, stage: 'plan', kind: `plan:reminder:${i}`, dueDate: '2027-01-29', recipientUserId: userId, channel: 'email' as const }));
    await ds.query(
      `INSERT INTO notification_outbox (program_id, stage, kind, due_date, recipient_user_id, channel, template, params, message_id)
       SELECT $1, 'plan', k, '2027-01-29', $2, 'email', 'reminder', $3::jsonb, m FROM unnest($4::text[], $5::text[]) AS t(k, m)`,
      [programId, userId, JSON.stringify({ programTitle: 'Bench', stage: 'plan', dueDate: '2027-01-29', offsetWorkingDays: 2 }), keys.map((k) => k.kind), keys.map(messageIdFor)],
    );
    const sender = new SmtpEmailSender({ host: '127.0.0.1', port: sink.port, from: 'Mutu <noreply@mutu.local>', pool: true, maxConnections: 4 });
    const dispatcher = new OutboxDispatcher(ds, { workerId: 'bench', email: sender, batchSize: 100, programIdPrefix: programId });
    let t = Date.now();
    while ((await dispatcher.runOnce()) > 0);
    const dispatchPerSecond = emails / ((Date.now() - t) / 1000);
    const [{ sent }] = await ds.query(`SELECT count(*)::int AS sent FROM notification_outbox WHERE program_id = $1 AND status = 'sent'`, [programId]);
    sender.close();

    const raw = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, ignoreTLS: true, pool: true, maxConnections: 4 });
    const before = sink.received.length;
    t = Date.now();
    await parallel(emails, 100, async (i) => {
      await raw.sendMail({ from: 'Mutu <noreply@mutu.local>', to: `${userId}@bench.local`, subject: `Pengingat ${i}`, text: 'Batas waktu tahap perencanaan 2 hari kerja lagi.' });
    });
    const rawPerSecond = emails / ((Date.now() - t) / 1000);
    raw.close();
    return { dispatchPerSecond, rawPerSecond, sent, rawReceived: sink.received.length - before };
  } finally {
    await sink.close();
    await ds.destroy();
  }
}
