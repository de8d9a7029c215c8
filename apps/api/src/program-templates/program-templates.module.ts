import { Module } from '@nestjs/common';
import { GovernanceModule } from '../governance/governance.module';
import { ProgramsModule } from '../programs/programs.module';
import { CopyProgramUseCase } from './copy-program.usecase';
import { ProgramTemplatesController } from './program-templates.controller';
import { StartTemplateUseCase } from './start-template.usecase';

@Module({
  imports: [ProgramsModule, GovernanceModule],
  controllers: [ProgramTemplatesController],
  providers: [StartTemplateUseCase, CopyProgramUseCase],
})
export class ProgramTemplatesModule {}
