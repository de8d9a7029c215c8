import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, type Config } from '@mutu/config';
import { DataSource } from 'typeorm';
import { createDataSource, migrate, migrateAsOwner } from './data-source';
import { EventStore } from './event-store/event-store';
import { coreProjectors } from './projections/core-projectors';
import type { Projector } from './event-store/event-store.types';
import { DOWNSTREAM_PROJECTORS, type PersistenceOptions } from './projections/projector.port';

/** Opens the pool (and runs migrations) once per process; closes it on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [CONFIG],
      useFactory: async (config: Config) => {
        if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start provisions one; see README)');
        // Migrations run as the owner role when one is given; the pool is the application role's.
        if (config.DATABASE_OWNER_URL) await migrateAsOwner(config.DATABASE_OWNER_URL);
        const ds = createDataSource({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
        await ds.initialize();
        if (!config.DATABASE_OWNER_URL) await migrate(ds);
        return ds;
      },
    },
    {
      provide: EventStore,
      inject: [DataSource, DOWNSTREAM_PROJECTORS, CONFIG],
      // Other libraries' projectors (the notification outbox) after the read models they read. The
      // program projector remembers as many programs' states as the worker caches workflows.
      useFactory: (ds: DataSource, downstream: Projector[], config: Config) =>
        new EventStore(ds, [...coreProjectors({ foldedPrograms: config.WORKER_CACHED_WORKFLOWS }), ...downstream]),
    },
  ],
  exports: [DataSource, EventStore],
})
export class PersistenceModule implements OnApplicationShutdown {
  /** The module with the projectors an app adds (see projector.port.ts); without forRoot, Nest refuses to resolve the EventStore. */
  static forRoot(options: PersistenceOptions): DynamicModule {
    const { projectors } = options;
    return { module: PersistenceModule, providers: [{ provide: DOWNSTREAM_PROJECTORS, useFactory: () => projectors.map((P) => new P()) }] };
  }

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
