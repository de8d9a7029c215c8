import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { CONFIG, type Config } from '@mutu/config';
import { temporalClientConnectionOptions } from './connection-options';

/** One Temporal client per process, closed on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: Connection,
      inject: [CONFIG],
      useFactory: (config: Config) => Connection.connect(temporalClientConnectionOptions(config)),
    },
    {
      provide: Client,
      inject: [Connection, CONFIG],
      useFactory: (connection: Connection, config: Config) => new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
    },
  ],
  exports: [Client, Connection],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(Connection) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
