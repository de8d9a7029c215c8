// The daily digest on real servers: a user with quiet hours and digest=daily gets the notices that
// fell due in one email at the digest hour (moved to the end of the quiet hours), once per day,
// whichever dispatchers run; the SMTP server is a real one and parses what it received.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { decide, evolve, initialProgramState, type Actor, type ProgramCommand, type ProgramState } from '@mutu/domain';
import { createDataSource, EventStore, migrate, ProgramProjector, programStreamId } from '@mutu/persistence';
import { NotificationProjector, OutboxDispatcher, SmtpEmailSender, nextDigestSlot } from '@mutu/notifications';
import { command, createProgram, makeActor, validPlan } from '@mutu/domain/testing';

interface Received { messageId: string; to: string; subject: string; text: string }

describe('daily digest (PostgreSQL + SMTP)', () => {
  let ds: DataSource;
  let store: EventStore;
  let smtp: SMTPServer;
  let email: SmtpEmailSender;
  const mails: Received[] = [];
  const run = `${process.pid}-${Date.now().toString(36)}`;

  beforeAll(async () => {
    ds = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 4 });
    await ds.initialize();
    await migrate(ds);
    store = new EventStore(ds, [new ProgramProjector(), new NotificationProjector()]);
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, cb) {
        simpleParser(stream)
          .then((m) => {
            mails.push({ messageId: m.messageId ?? '', to: (m.to as { text: string }).text, subject: m.subject ?? '', text: m.text ?? '' });
            cb();
          })
          .catch(cb);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    email = new SmtpEmailSender({ host: '127.0.0.1', port: (smtp.server.address() as AddressInfo).port, from: 'Mutu <noreply@mutu.local>' });
  });

  afterAll(async () => {
    email?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await ds?.destroy();
  });

  /** A program whose principal reads English, keeps quiet hours 06:00–09:00 and takes a daily digest. */
  async function scenario(name: string) {
    const programId = `dg-${name}-${run}`;
    const school = `sch-${programId}`;
    const principal = makeActor(`${programId}-principal`, ['principal'], { schoolIds: [school] });
    const system: Actor = { userId: 'system', roles: ['system'], schoolIds: [], regionIds: [] };
    await ds.query(
      `INSERT INTO users (user_id, email, name, password_hash, roles, school_ids, locale) VALUES ($1, $2, $1, 'x', '{principal}', $3, 'en')`,
      [principal.userId, `${principal.userId}@test.mutu.id`, [school]],
    );
    await ds.query(
      `INSERT INTO notification_preferences (user_id, digest, quiet_start, quiet_end, time_zone) VALUES ($1, true, '06:00', '09:00', 'Asia/Jakarta')`,
      [principal.userId],
    );
    let state: ProgramState = initialProgramState();
    let version = 0;
    const apply = async (c: ProgramCommand) => {
      const events = decide(c, state);
      const r = await store.append({ streamId: programStreamId(programId), expectedVersion: version, commandId: `${programId}:${c.commandId}`, events: events as never, metadata: {}, occurredAt: c.now });
      version = r.toVersion;
      state = events.reduce(evolve, state);
    };
    await apply(createProgram({ programId, schoolId: school, regionId: `reg-${programId}`, plan: validPlan(1) }, principal));
    const remind = (offset: number, at: string) =>
      apply(command('RecordReminder', system, { stage: 'plan', kind: `plan:reminder:${offset}`, dueDate: '2027-02-26', recipientRole: 'principal', offsetWorkingDays: offset } as never, { now: at }));
    const dispatcher = (now: string, workerId = `w-${Math.random()}`) =>
      new OutboxDispatcher(ds, { workerId, email, programIdPrefix: programId, now: () => new Date(now) });
    const mailsOf = () => mails.filter((m) => m.to.includes(programId));
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
