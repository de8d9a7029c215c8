import { Module } from '@nestjs/common';
import { BospComponentsRepository } from './bosp-components.repository';
import { BospController } from './bosp.controller';

@Module({
  controllers: [BospController],
  providers: [BospComponentsRepository],
  exports: [BospComponentsRepository],
})
export class BospModule {}
