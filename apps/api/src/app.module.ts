import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigModule, type Config } from '@mutu/config';
import { PersistenceModule } from '@mutu/persistence';
import { TemporalClientModule } from '@mutu/temporal';
import { AuthModule } from './auth/auth.module';
import { ErrorsFilter } from './common/errors.filter';
import { HealthController } from './health/health.controller';
import { ProgramsModule } from './programs/programs.module';

@Module({})
export class AppModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule, TemporalClientModule, AuthModule, ProgramsModule],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ErrorsFilter }],
    };
  }
}
