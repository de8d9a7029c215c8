import type { DataSource } from 'typeorm';
import type { EmailSender, WebhookSender } from '../channels/channel.types';
import { renderTemplate, type TemplateName, type TemplateParams } from '../templates/templates';
import { DigestRepository, type DigestBatch } from './digest.repository';
import { outboxKeyString } from './outbox-key';
import { OutboxRepository, type OutboxRow } from './outbox.repository';

export interface DispatcherOptions {
  workerId: string;
  email?: EmailSender;
  webhook?: WebhookSender;
  batchSize?: number;
  /** A claimed row not acknowledged within this time is taken again by any dispatcher. */
  leaseMs?: number;
  maxAttempts?: number;
  /** Backoff after attempt n: min(maxBackoffMs, baseBackoffMs · 2^(n-1)). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  pollIntervalMs?: number;
  programIdPrefix?: string;
  /** Test seam: runs after a channel accepted a message and before it is marked sent. */
  afterSend?: (row: OutboxRow) => Promise<void> | void;
  /** Test seam: the instant daily digests are due against (default: the database's clock). */
  now?: () => Date;
}

export function backoffMs(attempt: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

/**
 * Delivers the outbox: claim a batch under a lease, send each row on its channel, acknowledge.
 * At-least-once towards the SMTP server / webhook receiver, with a stable Message-ID / delivery id
 * per outbox key (see README). Digest rows of one recipient in a batch go out as one email.
 */
export class OutboxDispatcher {
  private readonly repo: OutboxRepository;
  private readonly digests: DigestRepository;
  private readonly o: Required<Omit<DispatcherOptions, 'email' | 'webhook' | 'programIdPrefix' | 'afterSend' | 'now'>> & DispatcherOptions;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(ds: DataSource, opts: DispatcherOptions) {
    this.repo = new OutboxRepository(ds);
    this.digests = new DigestRepository(ds);
    this.o = { batchSize: 50, leaseMs: 60_000, maxAttempts: 8, baseBackoffMs: 5_000, maxBackoffMs: 3_600_000, pollIntervalMs: 1_000, ...opts };
  }

  /** Claims and delivers one batch and the daily digests that are due; returns how many rows were claimed. */
  async runOnce(): Promise<number> {
    return (await this.runSingles()) + (await this.runDigests());
  }

  /** One email per user and local day, carrying every notice queued for that day's digest. */
  async runDigests(): Promise<number> {
    const batches = await this.digests.claim({
      workerId: this.o.workerId,
      leaseMs: this.o.leaseMs,
      now: this.o.now?.() ?? null,
      limit: this.o.batchSize,
      programIdPrefix: this.o.programIdPrefix,
    });
    await Promise.all(batches.map((b) => this.deliverDigest(b)));
    return batches.reduce((n, b) => n + b.rows.length, 0);
  }

  private async deliverDigest(b: DigestBatch): Promise<void> {
    try {
      if (!this.o.email) throw new Error('no email channel configured');
      if (!b.email) throw new Error(`user ${b.userId} has no email address`);
      const lines = b.rows.map((r) => {
        const one = renderTemplate(r.template, b.locale, r.params as unknown as TemplateParams);
        return `${one.subject} (${r.params.programTitle ?? r.programId})`;
      });
      const first = b.rows[0]!;
      const message = renderTemplate('digest', b.locale, { stage: first.stage, dueDate: b.digestDate, lines });
      await this.o.email.send({ to: b.email, message, messageId: b.messageId, key: `digest:${b.userId}:${b.digestDate}` });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const retry = b.attempts >= this.o.maxAttempts ? null : backoffMs(b.attempts, this.o.baseBackoffMs, this.o.maxBackoffMs);
      await this.digests.markFailed(b, this.o.workerId, message, retry);
      return;
    }
    await this.digests.markSent(b, this.o.workerId);
  }

  private async runSingles(): Promise<number> {
    const rows = await this.repo.claim({
      batchSize: this.o.batchSize,
      leaseMs: this.o.leaseMs,
      workerId: this.o.workerId,
      programIdPrefix: this.o.programIdPrefix,
    });
    const digests = new Map<string, OutboxRow[]>();
    const singles: OutboxRow[] = [];
    for (const r of rows) {
      if (r.channel === 'email' && r.params.digest === true) digests.set(r.recipientUserId, [...(digests.get(r.recipientUserId) ?? []), r]);
      else singles.push(r);
    }
    await Promise.all([...singles.map((r) => this.deliver([r])), ...[...digests.values()].map((g) => this.deliver(g))]);
    return rows.length;
  }

  private async deliver(group: OutboxRow[]): Promise<void> {
    try {
      await this.send(group);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      for (const r of group) {
        const retry = r.attempts >= this.o.maxAttempts ? null : backoffMs(r.attempts, this.o.baseBackoffMs, this.o.maxBackoffMs);
        await this.repo.markFailed(r.outboxId, this.o.workerId, message, retry);
      }
      return;
    }
    // Outside the try: a crash here leaves the rows `sending` until their lease runs out.
    for (const r of group) await this.o.afterSend?.(r);
    for (const r of group) await this.repo.markSent(r.outboxId, this.o.workerId);
  }

  private async send(group: OutboxRow[]): Promise<void> {
    const r = group[0];
    if (r.channel === 'webhook') {
      if (!this.o.webhook) throw new Error('no webhook channel configured');
      if (!r.webhookUrl) throw new Error(`user ${r.recipientUserId} has no webhook URL`);
      await this.o.webhook.send({
        url: r.webhookUrl,
        deliveryId: r.messageId,
        payload: { key: outboxKeyString(r), template: r.template, programId: r.programId, stage: r.stage, kind: r.kind, dueDate: r.dueDate, recipientUserId: r.recipientUserId, params: r.params },
      });
      return;
    }
    if (!this.o.email) throw new Error('no email channel configured');
    if (!r.email) throw new Error(`user ${r.recipientUserId} has no email address`);
    const message =
      group.length === 1 && r.params.digest !== true
        ? renderTemplate(r.template, r.locale, r.params as unknown as TemplateParams)
        : renderTemplate('digest', r.locale, {
            stage: r.stage,
            dueDate: r.dueDate,
            lines: group.map((g) => renderTemplate(g.template as TemplateName, g.locale, g.params as unknown as TemplateParams).subject),
          });
    await this.o.email.send({ to: r.email, message, messageId: r.messageId, key: outboxKeyString(r) });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = async () => {
      let claimed = 0;
      try {
        claimed = await this.runOnce();
      } catch {
        claimed = 0; // database hiccup: try again on the next tick
      }
      if (this.stopped) return;
      this.timer = setTimeout(() => (this.running = tick()), claimed > 0 ? 0 : this.o.pollIntervalMs);
    };
    this.running = tick();
  }

  /** Stops polling and waits for the batch in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
