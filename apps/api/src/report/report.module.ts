import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { PdfRenderer } from './pdf-renderer.service';
import { RenderReportUseCase } from './render-report.usecase';
import { ReportController } from './report.controller';

@Module({
  imports: [ProgramsModule],
  controllers: [ReportController],
  providers: [PdfRenderer, RenderReportUseCase],
})
export class ReportModule {}
