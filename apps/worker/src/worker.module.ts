import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type Config } from '@mutu/config';
import { NOTIFICATION_PROJECTORS } from '@mutu/notifications';
import { PersistenceModule } from '@mutu/persistence';
import { ActivitiesModule } from './activities/activities.module';
import { StatutoryYearsService } from './statutory/statutory-years.service';

@Module({})
export class WorkerModule {
  static forRoot(config: Config): DynamicModule {
    return { module: WorkerModule, imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot({ projectors: NOTIFICATION_PROJECTORS }), ActivitiesModule], providers: [StatutoryYearsService] };
  }
}
