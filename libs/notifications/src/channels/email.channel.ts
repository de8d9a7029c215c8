import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailSender, OutgoingEmail } from './channel.types';

export interface SmtpOptions {
  host: string;
  port: number;
  secure?: boolean;
  user?: string;
  password?: string;
  from: string;
  /** Reuse connections (pooled transport) for throughput. */
  pool?: boolean;
  maxConnections?: number;
}

/** Email over SMTP with nodemailer; resolves once the server accepted the message (250). */
export class SmtpEmailSender implements EmailSender {
  private readonly transport: Transporter;

  constructor(private readonly opts: SmtpOptions) {
    this.transport = nodemailer.createTransport({
      host: opts.host,
      port: opts.port,
      secure: opts.secure ?? false,
      ...(opts.user ? { auth: { user: opts.user, pass: opts.password ?? '' } } : {}),
      ...(opts.pool ? { pool: true, maxConnections: opts.maxConnections ?? 2 } : {}),
      // Local/test servers do not offer STARTTLS certificates we could verify.
      ignoreTLS: !opts.secure,
    });
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({
      from: this.opts.from,
      to: email.to,
      subject: email.message.subject,
      text: email.message.text,
      messageId: email.messageId,
      headers: { 'X-Mutu-Key': email.key },
    });
  }

  close(): void {
    this.transport.close();
  }
}
