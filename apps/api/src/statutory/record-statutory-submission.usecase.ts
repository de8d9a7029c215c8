import { Inject, Injectable } from '@nestjs/common';
import { schoolReportingStreamId, type Actor, type StatutoryReport } from '@mutu/domain';
import { DataSource } from 'typeorm';
import { checkUpload, type UploadedFile } from '../evidence/checked-upload';
import { EvidenceStorage } from '../evidence/evidence-storage';
import { schoolInScope } from '../common/school-scope';
import { ListStatutoryDeadlinesUseCase } from './list-statutory-deadlines.usecase';
import { SchoolReportingGateway } from './school-reporting-gateway.service';
import type { StatutoryDeadlinesView } from './statutory.views';

/**
 * The principal records that a statutory report went out through ARKAS: the ARKAS export is
 * stored content-addressed like any evidence (only its hash and metadata reach the workflow), the
 * submission goes to the school's reporting workflow, and the deadline closes. The command id
 * names the report, the date and the file: a retried request is applied once, and a corrected one
 * (another date or file after a refusal) is a new command, not the refused one's answer again.
 */
@Injectable()
export class RecordStatutorySubmissionUseCase {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(EvidenceStorage) private readonly storage: EvidenceStorage,
    @Inject(SchoolReportingGateway) private readonly gateway: SchoolReportingGateway,
    @Inject(ListStatutoryDeadlinesUseCase) private readonly list: ListStatutoryDeadlinesUseCase,
  ) {}

  async execute(actor: Actor, schoolId: string, budgetYear: number, report: StatutoryReport, submittedOn: string, file: UploadedFile | undefined): Promise<StatutoryDeadlinesView> {
    const school = await schoolInScope(this.ds, actor, schoolId);
    const upload = checkUpload(file);
    await this.storage.put(upload.buffer);
    const evidence = { sha256: upload.sha256, filename: upload.filename, size: upload.size, mimeType: upload.mimeType };
    await this.gateway.submit(
      { schoolId, regionId: school.region_id, budgetYear, timeZone: school.time_zone },
      {
        commandId: `${schoolReportingStreamId(schoolId, budgetYear)}:submit:${report}:${submittedOn}:${upload.sha256}`,
        type: 'RecordReportSubmission',
        actor,
        now: new Date().toISOString(),
        payload: { report, submittedOn, evidence },
      },
    );
    return this.list.execute(actor, schoolId, budgetYear);
  }
}
