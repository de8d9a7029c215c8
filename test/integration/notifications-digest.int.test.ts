// The daily digest on real servers: a user with quiet hours and digest=daily gets the notices that
// fell due in one email at the digest hour (moved to the end of the quiet hours), once per day,
// whichever dispatchers run; the SMTP server is a real one and parses what it received.
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '@mutu/persistence';
import { OutboxDispatcher, SmtpEmailSender, nextDigestSlot } from '@mutu/notifications';
import { makeActor } from '@mutu/domain/testing';
import { programWithReminders } from '../support/program-reminders';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

describe('daily digest (PostgreSQL + SMTP)', () => {
  let ds: DataSource;
  let smtp: SmtpSink;
  let email: SmtpEmailSender;
  const run = `${process.pid}-${Date.now().toString(36)}`;

  beforeAll(async () => {
    ds = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 4 });
    await ds.initialize();
    await migrate(ds);
    smtp = await startSmtpSink();
    email = new SmtpEmailSender({ host: '127.0.0.1', port: smtp.port, from: 'Mutu <noreply@mutu.local>' });
  });

  afterAll(async () => {
    email?.close();
    await smtp?.close();
    await ds?.destroy();
  });

  /** A program whose principal reads English, keeps quiet hours 06:00–09:00 and takes a daily digest. */
  async function scenario(name: string) {
    const programId = `dg-${name}-${run}`;
    const school = `sch-${programId}`;
    const principal = makeActor(`${programId}-principal`, ['principal'], { schoolIds: [school] });
    await ds.query(
      `INSERT INTO users (user_id, email, name, password_hash, roles, school_ids, locale) VALUES ($1, $2, $1, 'x', '{principal}', $3, 'en')`,
      [principal.userId, `${principal.userId}@test.mutu.id`, [school]],
    );
    await ds.query(
      `INSERT INTO notification_preferences (user_id, digest, quiet_start, quiet_end, time_zone) VALUES ($1, true, '06:00', '09:00', 'Asia/Jakarta')`,
      [principal.userId],
    );
    const { remind } = await programWithReminders(ds, programId, school, `reg-${programId}`, principal);
    const dispatcher = (now: string, workerId = `w-${Math.random()}`) =>
      new OutboxDispatcher(ds, { workerId, email, programIdPrefix: programId, now: () => new Date(now) });
    const mailsOf = () => smtp.mails.filter((m) => m.to.includes(programId));
    const rows = () => ds.query(`SELECT status, to_char(digest_date, 'YYYY-MM-DD') AS digest_date FROM notification_outbox WHERE program_id = $1 ORDER BY outbox_id`, [programId]);
    return { programId, principal, remind, dispatcher, mailsOf, rows };
  }

  it('several notices that fall due reach the user as one digest email at the end of the quiet hours, once', async () => {
    const s = await scenario('one');
    // Three reminders during 2 February (Jakarta): 10:00, 14:00 and 22:00 local.
    await s.remind(10, '2027-02-02T03:00:00.000Z');
    await s.remind(5, '2027-02-02T07:00:00.000Z');
    await s.remind(2, '2027-02-02T15:00:00.000Z');
    // The digest hour 07:00 of 3 February lies in the quiet hours: it waits until 09:00 (02:00Z).
    const slot = nextDigestSlot('2027-02-02T03:00:00.000Z', { quiet_start: '06:00', quiet_end: '09:00', time_zone: 'Asia/Jakarta' });
    expect(slot).toEqual({ notBefore: '2027-02-03T02:00:00.000Z', digestDate: '2027-02-03' });
    expect(await s.rows()).toEqual(Array(3).fill({ status: 'pending', digest_date: '2027-02-03' }));

    // 07:30 local (inside the quiet hours): nothing goes out.
    expect(await s.dispatcher('2027-02-03T00:30:00.000Z').runOnce()).toBe(0);
    expect(s.mailsOf()).toHaveLength(0);

    // 09:01 local: two dispatchers at once send one email carrying the three notices.
    const sent = await Promise.all([s.dispatcher('2027-02-03T02:01:00.000Z').runOnce(), s.dispatcher('2027-02-03T02:01:00.000Z').runOnce()]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(3);
    const got = s.mailsOf();
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toBe('Mutu daily digest (3)');
    expect(got[0]!.text).toContain('Reminder: the planning stage is due in 10 working days');
    expect(got[0]!.text).toContain('Reminder: the planning stage is due in 5 working days');
    expect(got[0]!.text).toContain('Reminder: the planning stage is due in 2 working days');
    expect(await s.rows()).toEqual(Array(3).fill({ status: 'sent', digest_date: '2027-02-03' }));
    const [key] = await ds.query(`SELECT status, items, message_id FROM notification_digests WHERE user_id = $1`, [s.principal.userId]);
    expect(key).toMatchObject({ status: 'sent', items: 3, message_id: got[0]!.messageId });

    // Later that day nothing more leaves.
    expect(await s.dispatcher('2027-02-03T10:00:00.000Z').runOnce()).toBe(0);
    expect(s.mailsOf()).toHaveLength(1);
  });

  it("a notice that arrives for a day whose digest is already sent waits for the next day's digest", async () => {
    const s = await scenario('late');
    await s.remind(10, '2027-02-02T03:00:00.000Z');
    expect(await s.dispatcher('2027-02-03T02:01:00.000Z').runOnce()).toBe(1);
    // An event recorded late (its instant before the digest hour) lands on the sent day.
    await s.remind(5, '2027-02-02T04:00:00.000Z');
    expect(await s.dispatcher('2027-02-03T03:00:00.000Z').runOnce()).toBe(0);
    expect(s.mailsOf()).toHaveLength(1);
    expect((await s.rows())[1]).toEqual({ status: 'pending', digest_date: '2027-02-04' });
    expect(await s.dispatcher('2027-02-04T02:01:00.000Z').runOnce()).toBe(1);
    const got = s.mailsOf();
    expect(got).toHaveLength(2);
    expect(got[1]!.subject).toBe('Mutu daily digest (1)');
    expect(got[0]!.messageId).not.toBe(got[1]!.messageId);
  });
});
