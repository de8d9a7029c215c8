import type { RenderedMessage } from '../templates/templates';

export interface OutgoingEmail {
  to: string;
  message: RenderedMessage;
  /** Stable per outbox key: a resend after a crash carries the same Message-ID. */
  messageId: string;
  key: string;
}

export interface OutgoingWebhook {
  url: string;
  deliveryId: string;
  payload: Record<string, unknown>;
}

export interface EmailSender {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export interface WebhookSender {
  send(hook: OutgoingWebhook): Promise<void>;
}
