import { Module } from '@nestjs/common';
import { CreateProgramUseCase } from './create-program.usecase';
import { GetProgramUseCase } from './get-program.usecase';
import { ProgramGateway } from './program-gateway.service';
import { ProgramsController } from './programs.controller';
import { ProgramsRepository } from './programs.repository';

@Module({
  controllers: [ProgramsController],
  providers: [ProgramGateway, ProgramsRepository, CreateProgramUseCase, GetProgramUseCase],
  exports: [ProgramGateway, ProgramsRepository],
})
export class ProgramsModule {}
