import { Inject, Injectable } from '@nestjs/common';
import { isProgram, type Actor, type Program } from '@mutu/domain';
import { DataSource } from 'typeorm';
import { notFound } from '../common/api-error';
import { ProgramsRepository } from '../programs/programs.repository';
import { renderReportHtml } from './report.html';
import { reportSha256, reportVersion } from './report.model';
import { PdfRenderer } from './pdf-renderer.service';

/** The report preview of a program in the caller's scope, as HTML or PDF. */
@Injectable()
export class RenderReportUseCase {
  constructor(
    @Inject(ProgramsRepository) private readonly programs: ProgramsRepository,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(PdfRenderer) private readonly pdf: PdfRenderer,
  ) {}

  async html(actor: Actor, programId: string): Promise<{ html: string; sha256: string; version: number | null }> {
    const program = await this.load(actor, programId);
    const [school]: { name: string }[] = await this.ds.query('SELECT name FROM schools WHERE school_id = $1', [program.schoolId]);
    const ids = new Set<string>([...program.report.signatures.map((s) => s.by), ...program.approvals.map((a) => a.by)]);
    for (const a of program.plan.activities) if (a.assignment) ids.add(a.assignment.personInCharge);
    const users: { user_id: string; name: string }[] = await this.ds.query('SELECT user_id, name FROM users WHERE user_id = ANY($1::text[])', [[...ids]]);
    const names = Object.fromEntries(users.map((u) => [u.user_id, u.name]));
    return {
      html: renderReportHtml(program, { schoolName: school?.name ?? program.schoolId, names }),
      sha256: reportSha256(program),
      version: reportVersion(program),
    };
  }

  async pdfOf(actor: Actor, programId: string): Promise<{ pdf: Buffer; sha256: string; version: number | null }> {
    const { html, sha256, version } = await this.html(actor, programId);
    return { pdf: await this.pdf.render(html), sha256, version };
  }

  private async load(actor: Actor, programId: string): Promise<Program> {
    const row = await this.programs.findVisible(programId, actor);
    const state = row?.state as unknown as Program | undefined;
    if (!state || !isProgram(state)) throw notFound('program');
    return state;
  }
}
