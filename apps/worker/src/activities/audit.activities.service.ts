import { resolve } from 'node:path';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@mutu/config';
import { SmtpEmailSender } from '@mutu/notifications';
import {
  CheckpointRepository,
  RunArchive,
  checkpointJournalDir,
  latestPublishedCheckpoint,
  loadSigningKey,
  publishCheckpoint,
  verifyStore,
  type AuditSigningKey,
  type Checkpoint,
} from '@mutu/persistence';
import { PROJECT_ROOT } from '@mutu/temporal';
import type { ArchivedRuns, AuditActivities, PublishCheckpointInput, PublishedCheckpoint } from '@mutu/workflows';
import { archiveClosedRuns } from '@mutu/temporal';
import { CheckpointScheduleService } from './checkpoint-schedule.service';

export function checkpointRecipients(config: Config): string[] {
  return config.AUDIT_CHECKPOINT_RECIPIENTS.split(',').map((a) => a.trim()).filter(Boolean);
}

/** Scheduled checkpoints: verify, sign, store, publish to the journal and email the auditors. */
@Injectable()
export class AuditActivitiesService implements AuditActivities, OnApplicationShutdown {
  private readonly key: AuditSigningKey;
  private readonly dir: string;
  private readonly recipients: string[];
  private readonly mail?: SmtpEmailSender;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(CONFIG) config: Config,
    @Inject(CheckpointScheduleService) private readonly temporal: CheckpointScheduleService,
  ) {
    this.key = loadSigningKey({ AUDIT_SIGNING_KEY: config.AUDIT_SIGNING_KEY, NODE_ENV: config.NODE_ENV, dataDir: resolve(PROJECT_ROOT, config.DATA_DIR), log: () => undefined });
    this.dir = checkpointJournalDir(config, PROJECT_ROOT);
    this.recipients = checkpointRecipients(config);
    if (this.recipients.length) {
      this.mail = new SmtpEmailSender({ host: config.SMTP_HOST, port: config.SMTP_PORT, secure: config.SMTP_SECURE, user: config.SMTP_USER, password: config.SMTP_PASSWORD, from: config.SMTP_FROM });
    }
  }

  async publishCheckpoint(input: PublishCheckpointInput): Promise<PublishedCheckpoint> {
    // Held against the last published checkpoint (not only the database's own copy), so a tail
    // deleted since then is found before anything new is signed over it.
    const held = [latestPublishedCheckpoint(this.dir), await new CheckpointRepository(this.ds).latest()].filter((c): c is Checkpoint => Boolean(c));
    const report = await verifyStore(this.ds, { checkpoints: held, trustedPublicKeyPem: this.key.publicKeyPem });
    if (!report.ok) {
      const lines = [...report.checkpointProblems, ...report.breaks.map((b) => `${b.streamId}: ${b.kind} at version ${b.version}: ${b.detail}`)];
      await this.email('Mutu audit: verification FAILED, no checkpoint signed', [`Reason: ${input.reason}`, '', ...lines].join('\n'), `failed-${Date.now()}`);
      throw ApplicationFailure.nonRetryable(`refusing to sign a checkpoint over broken chains: ${lines.slice(0, 5).join('; ')}`, 'AUDIT_CHAIN_BROKEN');
    }
    const c = await new CheckpointRepository(this.ds).create(this.key);
    const journal = publishCheckpoint(this.dir, c);
    await this.email(
      `Mutu audit checkpoint ${c.checkpointId}: ${c.streams} streams, ${c.events} events`,
      [`Reason: ${input.reason}`, `Root: ${c.root}`, '', 'Keep this message: the signed checkpoint below lets you detect any later rewrite or truncation.', '', JSON.stringify(c)].join('\n'),
      `checkpoint-${c.checkpointId}`,
    );
    return { checkpointId: c.checkpointId!, streams: c.streams, events: c.events, root: c.root, journal, emailedTo: this.recipients };
  }

  async archiveClosedRuns(): Promise<ArchivedRuns> {
    return archiveClosedRuns(await this.temporal.client(), new RunArchive(this.ds));
  }

  onApplicationShutdown(): void {
    this.mail?.close();
  }

  private async email(subject: string, text: string, key: string): Promise<void> {
    if (!this.mail) return;
    for (const to of this.recipients) {
      await this.mail.send({ to, key: `audit:${key}:${to}`, messageId: `<audit-${key}-${to.replace(/[^a-zA-Z0-9]/g, '')}@mutu>`, message: { subject, text } });
    }
  }
}
