import { Module } from '@nestjs/common';
import { BospModule } from '../bosp/bosp.module';
import { ProgramsModule } from '../programs/programs.module';
import { ExpendituresController } from './expenditures.controller';
import { GetRealisationUseCase } from './get-realisation.usecase';
import { RealisationController } from './realisation.controller';

@Module({
  imports: [ProgramsModule, BospModule],
  controllers: [ExpendituresController, RealisationController],
  providers: [GetRealisationUseCase],
})
export class RealisationModule {}
