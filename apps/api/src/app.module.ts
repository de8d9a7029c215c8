import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigModule, type Config } from '@mutu/config';
import { NOTIFICATION_PROJECTORS } from '@mutu/notifications';
import { PersistenceModule } from '@mutu/persistence';
import { TemporalClientModule } from '@mutu/temporal';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { ErrorsFilter } from './common/errors.filter';
import { HealthController } from './health/health.controller';
import { ProgramsModule } from './programs/programs.module';
import { CalendarModule } from './calendar/calendar.module';
import { NotificationsApiModule } from './notifications/notifications.module';
import { AccountModule } from './account/account.module';
import { AdminModule } from './admin/admin.module';
import { PoliciesModule } from './policies/policies.module';
import { DocsController } from './docs/docs.controller';
import { EvidenceModule } from './evidence/evidence.module';
import { ReportModule } from './report/report.module';
import { BospModule } from './bosp/bosp.module';
import { RealisationModule } from './realisation/realisation.module';
import { StatutoryModule } from './statutory/statutory.module';
import { CampaignImportModule } from './campaign-import/campaign-import.module';
import { SchoolsModule } from './schools/schools.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { ProgramTemplatesModule } from './program-templates/program-templates.module';

@Module({})
export class AppModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot({ projectors: NOTIFICATION_PROJECTORS }), TemporalClientModule, AuthModule, ProgramsModule, EvidenceModule, ReportModule, AdminModule, AuditModule, CalendarModule, NotificationsApiModule, AccountModule, CampaignsModule, CampaignImportModule, PoliciesModule, BospModule, RealisationModule, SchoolsModule, StatutoryModule, DashboardModule, ProgramTemplatesModule],
      controllers: [HealthController, DocsController],
      providers: [{ provide: APP_FILTER, useClass: ErrorsFilter }],
    };
  }
}
