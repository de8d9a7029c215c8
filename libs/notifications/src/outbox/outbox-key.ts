import { createHash } from 'node:crypto';

export interface OutboxKey {
  programId: string;
  stage: string;
  kind: string;
  dueDate: string;
  recipientUserId: string;
  channel: 'email' | 'webhook';
}

export function outboxKeyString(k: OutboxKey): string {
  return `${k.programId}:${k.stage}:${k.kind}:${k.dueDate}:${k.recipientUserId}:${k.channel}`;
}

/** Stable Message-ID derived from the outbox key: a resend after a crash is the same message. */
export function messageIdFor(k: OutboxKey): string {
  return `<${createHash('sha256').update(outboxKeyString(k)).digest('hex').slice(0, 40)}@mutu.local>`;
}
