import { Module } from '@nestjs/common';
import { GovernanceModule } from '../governance/governance.module';
import { BospModule } from '../bosp/bosp.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { CreateProgramUseCase } from './create-program.usecase';
import { GetProgramUseCase } from './get-program.usecase';
import { ListMyTasksUseCase } from './list-my-tasks.usecase';
import { ListProgramsUseCase } from './list-programs.usecase';
import { ProgramCommandsController } from './program-commands.controller';
import { ProgramGateway } from './program-gateway.service';
import { ProgramListCache } from './program-list-cache';
import { ProgramPeopleUseCase } from './program-people';
import { ProgramsController } from './programs.controller';
import { ProgramsRepository } from './programs.repository';
import { SendCommandUseCase } from './send-command.usecase';

@Module({
  imports: [IdempotencyModule, GovernanceModule, BospModule],
  controllers: [ProgramsController, ProgramCommandsController],
  providers: [
    ProgramGateway,
    ProgramListCache,
    ProgramsRepository,
    CreateProgramUseCase,
    GetProgramUseCase,
    ListProgramsUseCase,
    ListMyTasksUseCase,
    ProgramPeopleUseCase,
    SendCommandUseCase,
  ],
  exports: [ProgramGateway, ProgramListCache, ProgramsRepository, SendCommandUseCase, CreateProgramUseCase],
})
export class ProgramsModule {}
