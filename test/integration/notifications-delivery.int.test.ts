// The outbox end to end on real servers: events appended through the EventStore (with the
// NotificationProjector) queue rows in the same transaction; the dispatcher delivers them to a real
// SMTP server (parsed back with mailparser) and a real HTTP server (signatures verified).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { decide, evolve, initialProgramState, type Actor, type ProgramCommand, type ProgramState } from '@mutu/domain';
import { createDataSource, EventStore, migrate, ProgramProjector, programStreamId, readProgramState } from '@mutu/persistence';
import {
  HttpWebhookSender,
  NotificationProjector,
  OutboxDispatcher,
  SmtpEmailSender,
  verifyWebhook,
  type DispatcherOptions,
} from '@mutu/notifications';
import { command, createProgram, makeActor, validPlan } from '@mutu/domain/testing';
import { watchProjector } from '../support/watch-projector';

const SECRET = 'webhook-secret-for-tests-0123456789';

interface Received { messageId: string; to: string; subject: string; text: string }

describe('notifications outbox delivery (PostgreSQL + SMTP + HTTP)', () => {
  let ds: DataSource;
  let store: EventStore;
  let smtp: SMTPServer;
  let smtpPort: number;
  let http: Server;
  let hookUrl: string;
  const mails: Received[] = [];
  const hooks: { headers: IncomingHttpHeaders; body: string }[] = [];
  let rejectNextMail = 0;
  let email: SmtpEmailSender;
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
      onRcptTo(_addr, _session, cb) {
        if (rejectNextMail > 0) {
          rejectNextMail -= 1;
          return cb(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
        }
        cb();
      },
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
    smtpPort = (smtp.server.address() as AddressInfo).port;
    http = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        hooks.push({ headers: req.headers, body });
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/hooks/mutu`;
    email = new SmtpEmailSender({ host: '127.0.0.1', port: smtpPort, from: 'Mutu <noreply@mutu.local>' });
  });

  afterAll(async () => {
    email?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await ds?.destroy();
  });

  /** A program of its own, with a principal (Indonesian) and a staff member (English + webhook). */
  async function scenario(name: string, through: EventStore = store) {
    const programId = `nt-${name}-${run}`;
    const school = `sch-${programId}`;
    const region = `reg-${programId}`;
    const principal = makeActor(`${programId}-principal`, ['principal'], { schoolIds: [school] });
    const supervisor = makeActor(`${programId}-supervisor`, ['supervisor'], { schoolIds: [], regionIds: [region] });
    const staffId = `${programId}-staff`;
    const system: Actor = { userId: 'system', roles: ['system'], schoolIds: [], regionIds: [] };
    for (const [id, roles, locale] of [[principal.userId, ['principal'], 'id'], [staffId, ['staff'], 'en']] as const) {
      await ds.query(
        `INSERT INTO users (user_id, email, name, password_hash, roles, school_ids, locale) VALUES ($1, $2, $1, 'x', $3, $4, $5)`,
        [id, `${id}@test.mutu.id`, roles, [school], locale],
      );
    }
    await ds.query(`INSERT INTO notification_preferences (user_id, webhook_url) VALUES ($1, $2)`, [staffId, hookUrl]);
    let state: ProgramState = initialProgramState();
    let version = 0;
    const apply = async (c: ProgramCommand) => {
      const events = decide(c, state);
      const r = await through.append({ streamId: programStreamId(programId), expectedVersion: version, commandId: `${programId}:${c.commandId}`, events: events as never, metadata: {}, occurredAt: c.now });
      version = r.toVersion;
      state = events.reduce(evolve, state);
    };
    await apply(createProgram({ programId, schoolId: school, regionId: region, plan: validPlan(1) }, principal));
    const remind = (offset: number, extra: Record<string, unknown> = {}) =>
      apply(command('RecordReminder', system, { stage: 'plan', kind: `plan:reminder:${offset}`, dueDate: '2026-01-30', recipientRole: 'principal', offsetWorkingDays: offset, ...extra } as never));
    const dispatcher = (opts: Partial<DispatcherOptions> = {}) =>
      new OutboxDispatcher(ds, { workerId: `w-${Math.random()}`, email, webhook: new HttpWebhookSender(SECRET), programIdPrefix: programId, baseBackoffMs: 60_000, ...opts });
    const rows = () =>
      ds.query(`SELECT recipient_user_id, channel, status, attempts, message_id, last_error, next_attempt_at FROM notification_outbox WHERE program_id = $1 ORDER BY outbox_id`, [programId]);
    const mailsOf = () => mails.filter((m) => m.to.includes(programId));
    return { programId, principal, supervisor, staffId, apply, remind, dispatcher, rows, mailsOf };
  }

  it('queues the reminder with the event and delivers email in the recipient language and a signed webhook', async () => {
    const s = await scenario('deliver');
    await s.remind(5);
    await s.remind(2, { recipientRole: 'staff', recipientUserId: s.staffId });
    expect((await s.rows()).map((r: { channel: string; status: string }) => [r.channel, r.status])).toEqual([
      ['email', 'pending'], ['email', 'pending'], ['webhook', 'pending'],
    ]);
    expect(await s.dispatcher().runOnce()).toBe(3);

    const got = s.mailsOf();
    const toPrincipal = got.find((m) => m.to.includes('principal'))!;
    const toStaff = got.find((m) => m.to.includes('staff'))!;
    expect(toPrincipal.subject).toBe('Pengingat: batas waktu tahap perencanaan 5 hari kerja lagi');
    expect(toPrincipal.text).toContain('2026-01-30');
    expect(toStaff.subject).toBe('Reminder: the planning stage is due in 2 working days');
    const stored = await s.rows();
    expect(stored.every((r: { status: string }) => r.status === 'sent')).toBe(true);
    expect(toPrincipal.messageId).toBe(stored[0].message_id);

    const hook = hooks.find((x) => x.body.includes(s.programId))!;
    expect(verifyWebhook(SECRET, hook.headers, hook.body, Date.now())).toEqual({ ok: true });
    expect(verifyWebhook(SECRET, hook.headers, hook.body.replace('plan', 'report'), Date.now())).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook('another-secret', hook.headers, hook.body, Date.now())).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook(SECRET, hook.headers, hook.body, Date.now() + 10 * 60_000)).toEqual({ ok: false, reason: 'stale' });
    expect(JSON.parse(hook.body)).toMatchObject({ programId: s.programId, template: 'reminder', recipientUserId: s.staffId });

    // Delivered once per key: another pass finds nothing, and the same event cannot queue again.
    expect(await s.dispatcher().runOnce()).toBe(0);
    await expect(s.remind(5)).rejects.toThrow();
    expect(s.mailsOf()).toHaveLength(2);
  });

  it('a dispatcher killed after the SMTP server accepted resends under the same Message-ID: one message for the receiver', async () => {
    const s = await scenario('crash');
    await s.remind(1);
    const crash = new Error('dispatcher killed');
    await expect(s.dispatcher({ afterSend: () => Promise.reject(crash) }).runOnce()).rejects.toBe(crash);
    expect(s.mailsOf()).toHaveLength(1);
    expect((await s.rows())[0]).toMatchObject({ status: 'sending', attempts: 1 });

    // Before the lease runs out nobody else takes the row.
    expect(await s.dispatcher().runOnce()).toBe(0);
    await ds.query(`UPDATE notification_outbox SET lease_until = now() - interval '1 second' WHERE program_id = $1`, [s.programId]);
    expect(await s.dispatcher().runOnce()).toBe(1);

    const got = s.mailsOf();
    expect(got).toHaveLength(2); // at-least-once towards the SMTP server…
    expect(new Set(got.map((m) => m.messageId)).size).toBe(1); // …as one message (RFC 5322 Message-ID)
    expect((await s.rows())[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await s.dispatcher().runOnce()).toBe(0);
  });

  it('a dispatcher killed before sending leaves the row to the next one, which sends it exactly once', async () => {
    const s = await scenario('crash-before');
    await s.remind(1);
    await ds.query(
      `UPDATE notification_outbox SET status = 'sending', attempts = 1, leased_by = 'dead-worker', lease_until = now() - interval '1 second' WHERE program_id = $1`,
      [s.programId],
    );
    expect(await s.dispatcher().runOnce()).toBe(1);
    expect(s.mailsOf()).toHaveLength(1);
  });

  it('retries a refused email with backoff and marks it dead after the last attempt', async () => {
    const s = await scenario('retry');
    await s.remind(10);
    rejectNextMail = 1;
    await s.dispatcher({ maxAttempts: 2 }).runOnce();
    let [row] = await s.rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toContain('451');
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await s.dispatcher().runOnce()).toBe(0); // not due yet

    await ds.query(`UPDATE notification_outbox SET next_attempt_at = now() WHERE program_id = $1`, [s.programId]);
    rejectNextMail = 1;
    await s.dispatcher({ maxAttempts: 2 }).runOnce();
    [row] = await s.rows();
    expect(row).toMatchObject({ status: 'dead', attempts: 2 });
    expect(s.mailsOf()).toHaveLength(0);
  });

  it('completing the stage cancels messages still waiting (quiet hours), so nothing arrives after it', async () => {
    const s = await scenario('quiet');
    // Quiet all day long: the reminder is held until the quiet hours end.
    await ds.query(`INSERT INTO notification_preferences (user_id, quiet_start, quiet_end) VALUES ($1, '00:00', '23:59')`, [s.principal.userId]);
    await s.remind(2);
    expect((await s.rows())[0].status).toBe('pending');
    await s.apply(command('SubmitPlan', s.principal, {}));
    await s.apply(command('DecidePlan', s.supervisor, { decision: 'approve' }));
    expect((await s.rows())[0]).toMatchObject({ status: 'dead', last_error: 'stage completed' });
    await ds.query(`UPDATE notification_outbox SET next_attempt_at = now() WHERE program_id = $1`, [s.programId]);
    expect(await s.dispatcher().runOnce()).toBe(0);
    expect(s.mailsOf()).toHaveLength(0);
  });

  it("takes the program for a notice from the state the program projector folded in the same append, reading the row only without it", async () => {
    // The notification projector's statements, as it sends them through the append's transaction.
    const sent: string[] = [];
    const watched = (projector: NotificationProjector) => watchProjector(projector, (text) => sent.push(text));
    const readsRow = () => sent.some((t) => /FROM programs\b/.test(t));

    const s = await scenario('folded', new EventStore(ds, [new ProgramProjector(), watched(new NotificationProjector())]));
    await s.remind(5);
    expect(readsRow()).toBe(false);

    // With the program projector after it in the append, the notice reads the row: the same message.
    // (The program projector still runs, so the shared read model stays the fold of the events.)
    sent.length = 0;
    const alone = await scenario('row', new EventStore(ds, [new ProgramProjector()]));
    const noticeOnly = new EventStore(ds, [watched(new NotificationProjector()), new ProgramProjector()]);
    const [{ version }] = await ds.query(`SELECT version FROM programs WHERE program_id = $1`, [alone.programId]);
    const system: Actor = { userId: 'system', roles: ['system'], schoolIds: [], regionIds: [] };
    const [reminder] = decide(
      command('RecordReminder', system, { stage: 'plan', kind: 'plan:reminder:5', dueDate: '2026-01-30', recipientRole: 'principal', offsetWorkingDays: 5 } as never),
      (await readProgramState(ds, alone.programId))!.state,
    );
    await noticeOnly.append({ streamId: programStreamId(alone.programId), expectedVersion: version, commandId: `${alone.programId}:remind`, events: [reminder] as never, metadata: {}, occurredAt: new Date().toISOString() });
    expect(readsRow()).toBe(true);

    const paramsOf = async (programId: string) =>
      (await ds.query(`SELECT template, recipient_user_id, params FROM notification_outbox WHERE program_id = $1`, [programId])).map(
        (r: { template: string; recipient_user_id: string; params: Record<string, unknown> }) => ({ ...r, recipient_user_id: r.recipient_user_id.replace(programId, '') }),
      );
    const [folded, read] = [await paramsOf(s.programId), await paramsOf(alone.programId)];
    expect(folded).toHaveLength(1);
    expect(folded[0].params).toMatchObject({ programTitle: expect.any(String), stage: 'plan', dueDate: '2026-01-30' });
    expect((folded[0].params as { programTitle: string }).programTitle.length).toBeGreaterThan(0);
    expect(read).toEqual(folded);
  });
});
