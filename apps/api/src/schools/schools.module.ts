import { Module } from '@nestjs/common';
import { GovernanceModule } from '../governance/governance.module';
import { SchoolsController } from './schools.controller';
import { SchoolSupervisorsUseCases } from './school-supervisors.usecases';

/** Schools as the education office runs them: their assigned supervisors (pengawas binaan). */
@Module({ imports: [GovernanceModule], controllers: [SchoolsController], providers: [SchoolSupervisorsUseCases] })
export class SchoolsModule {}
