import { resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { loadConfigOrExit, type Config } from '@mutu/config';
import { createDataSource, EventStore, loadSigningKey, migrate, type AuditSigningKey } from '@mutu/persistence';
import { PROJECT_ROOT, temporalConnectionOptions } from '@mutu/temporal';
import type { DataSource } from 'typeorm';

/** What the audit commands open, opened lazily and closed once. */
export class AuditContext {
  readonly config: Config = loadConfigOrExit();
  private dsP?: Promise<DataSource>;
  private conn?: Connection;

  db(): Promise<DataSource> {
    this.dsP ??= (async () => {
      if (!this.config.DATABASE_URL) throw new Error('set DATABASE_URL (the audit commands read the event store)');
      const ds = createDataSource({ url: this.config.DATABASE_URL, poolSize: 2, applicationName: 'mutu-audit' });
      await ds.initialize();
      await migrate(ds);
      return ds;
    })();
    return this.dsP;
  }

  async store(): Promise<EventStore> {
    return new EventStore(await this.db());
  }

  async client(): Promise<Client> {
    this.conn ??= await Connection.connect(temporalConnectionOptions(this.config));
    return new Client({ connection: this.conn, namespace: this.config.TEMPORAL_NAMESPACE });
  }

  key(): AuditSigningKey {
    return loadSigningKey({
      AUDIT_SIGNING_KEY: this.config.AUDIT_SIGNING_KEY,
      NODE_ENV: this.config.NODE_ENV,
      dataDir: resolve(PROJECT_ROOT, this.config.DATA_DIR),
      log: (line) => process.stderr.write(`${line}\n`),
    });
  }

  async close(): Promise<void> {
    if (this.dsP) await (await this.dsP).destroy().catch(() => undefined);
    await this.conn?.close().catch(() => undefined);
  }
}

/** `--name value` from argv, or undefined. */
export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A one-line progress bar on stderr (only on a terminal). */
export function progressBar(label: string) {
  let last = 0;
  return (done: number, total: number) => {
    if (!process.stderr.isTTY) return;
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    const width = 30;
    const frac = total > 0 ? Math.min(1, done / total) : 0;
    const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
    process.stderr.write(`\r${label} [${bar}] ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
    if (done >= total) process.stderr.write('\n');
  };
}
