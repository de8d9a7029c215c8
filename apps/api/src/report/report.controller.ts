import { Body, Controller, Headers, Inject, Param, Res } from '@nestjs/common';
import { isProgram, type Actor, type Program } from '@mutu/domain';
import type { Response } from 'express';
import { CurrentActor } from '../auth/auth.guard';
import { bodyPipe, ZodPipe } from '../common/zod.pipe';
import { SendCommandUseCase } from '../programs/send-command.usecase';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { EmptyBodySchema, PathIdSchema } from '../routes/route-schemas';
import { reportSha256 } from './report.model';
import { RenderReportUseCase } from './render-report.usecase';

const Id = new ZodPipe(PathIdSchema);

@Controller()
export class ReportController {
  constructor(
    @Inject(RenderReportUseCase) private readonly render: RenderReportUseCase,
    @Inject(SendCommandUseCase) private readonly send: SendCommandUseCase,
  ) {}

  @Route(ROUTES.reportHtml)
  async html(@CurrentActor() actor: Actor, @Param('id', Id) id: string, @Res() res: Response) {
    const { html, sha256, version } = await this.render.html(actor, id);
    // What the reader sees, named: a signer sends both back with the signature.
    res.setHeader('x-report-sha256', sha256);
    if (version !== null) res.setHeader('x-report-version', String(version));
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.type('html').send(html);
  }

  @Route(ROUTES.reportPdf)
  async pdf(@CurrentActor() actor: Actor, @Param('id', Id) id: string, @Res() res: Response) {
    const { pdf, sha256, version } = await this.render.pdfOf(actor, id);
    res.setHeader('x-report-sha256', sha256);
    if (version !== null) res.setHeader('x-report-version', String(version));
    res.setHeader('content-disposition', `inline; filename="laporan-${id}.pdf"`);
    res.type('application/pdf').send(pdf);
  }

  /** The server hashes the canonical report itself: the client cannot submit a hash of its own. */
  @Route(ROUTES.submitReport)
  submit(@CurrentActor() actor: Actor, @Param('id', Id) id: string, @Body(bodyPipe(EmptyBodySchema)) body: object, @Headers('idempotency-key') key?: string) {
    return this.send.execute({
      actor,
      programId: id,
      type: 'SubmitReport',
      request: { method: 'POST', route: ROUTES.submitReport.path, params: { id }, body },
      idempotencyKey: key,
      payload: (row) => {
        const state = row.state as unknown as Program;
        return { reportSha256: isProgram(state) ? reportSha256(state) : '0'.repeat(64) };
      },
    });
  }
}
