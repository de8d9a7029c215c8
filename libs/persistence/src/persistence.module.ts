import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, type Config } from '@mutu/config';
import { DataSource } from 'typeorm';
import { createDataSource, migrate, migrateAsOwner } from './data-source';
import { EventStore } from './event-store/event-store';
import { ProgramProjector } from './projections/program.projector';
import { CampaignNotificationProjector, NotificationProjector } from '@mutu/notifications';
import { CampaignProjector } from './projections/campaign.projector';

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
      inject: [DataSource],
      // Notification projectors after the read model they read (programs, campaign_clusters).
      useFactory: (ds: DataSource) =>
        new EventStore(ds, [new ProgramProjector(), new NotificationProjector(), new CampaignProjector(), new CampaignNotificationProjector()]),
    },
  ],
  exports: [DataSource, EventStore],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
