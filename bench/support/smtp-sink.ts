// A local SMTP server that keeps, for every message it accepts, its Message-ID and the instant the
// message was complete: the "emailed" end of a reminder's lateness, with duplicates visible.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { stopIfFailed } from './bench-env';

export interface SmtpSink {
  port: number;
  /** Every accepted message, in arrival order. */
  received: { messageId: string; at: number }[];
  close(): Promise<void>;
}

const MESSAGE_ID = /^message-id:\s*(<[^>\r\n]+>)/im;

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: SmtpSink['received'] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // The 5,000 messages of a burst arrive over the dispatcher's pooled connections.
    maxClients: 100,
    onData(stream, _session, cb) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        received.push({ messageId: MESSAGE_ID.exec(head)?.[1] ?? '', at: Date.now() });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const close = () => new Promise<void>((r) => smtp.close(() => r()));
  const unregister = stopIfFailed(close);
  return {
    port: (smtp.server.address() as AddressInfo).port,
    received,
    close: () => {
      unregister();
      return close();
    },
  };
}
