import { HttpException, Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { importCampaign, SheetReadError, SqlCampaignDirectory, type ImportResult } from '@mutu/campaign-import';
import { CONFIG, type Config } from '@mutu/config';
import type { Actor } from '@mutu/domain';
import type { CommandSigner } from '@mutu/persistence';
import { launchCampaign } from '@mutu/temporal';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { apiCommandSigner } from '../programs/command-delivery';

/** What multer hands over for the `file` field (in memory). */
export interface SheetUpload {
  originalname: string;
  buffer: Buffer;
}

/**
 * POST /campaigns/import: the shared importCampaign, with 400 for a missing or unreadable file and
 * 422 IMPORT_INVALID with every row error (nothing started) for an invalid sheet.
 */
@Injectable()
export class ImportCampaignUseCase {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(Client) private readonly client: Client,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    this.signer = apiCommandSigner(config);
  }

  private readonly signer: CommandSigner;

  async execute(actor: Actor, file: SheetUpload | undefined, dryRun: boolean): Promise<ImportResult> {
    if (!file || file.buffer.length === 0) {
      throw new ApiError(400, 'MISSING_FILE', 'Attach the campaign sheet (.csv or .xlsx) in the "file" field.', { issues: [{ path: 'file', message: 'required' }] });
    }
    // multer decodes names as latin1; clients send UTF-8. Only the extension is used.
    const filename = Buffer.from(file.originalname, 'latin1').toString('utf8');
    try {
      const outcome = await importCampaign(
        { buffer: file.buffer, filename, actor, dryRun },
        {
          directory: new SqlCampaignDirectory(this.ds),
          launch: (setup, by) => launchCampaign(this.client, this.config.TEMPORAL_TASK_QUEUE, setup, by, (c) => this.signer.sign(c)),
        },
      );
      if (outcome.ok) return outcome.result;
      const message = `The sheet has ${outcome.errors.length} error(s); nothing was created.`;
      throw new HttpException({ statusCode: 422, code: 'IMPORT_INVALID', message, errors: outcome.errors }, 422);
    } catch (e) {
      if (e instanceof SheetReadError) throw new ApiError(400, e.code, e.message, { issues: [{ path: 'file', message: e.message }] });
      throw e;
    }
  }
}
