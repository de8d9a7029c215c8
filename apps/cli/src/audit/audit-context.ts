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
