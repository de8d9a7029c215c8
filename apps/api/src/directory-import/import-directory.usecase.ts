import { createHash, randomBytes } from 'node:crypto';
import { HttpException, Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import {
  loadDirectorySnapshot, readSheet, SheetReadError, validateRegionSheet, validateSchoolSheet, validateStaffSheet,
  type DirectoryOutcome, type DirectorySnapshot, type NewRegion, type NewSchool, type NewUser,
} from '@mutu/campaign-import';
import type { Actor } from '@mutu/domain';
import { setSchoolSupervisors } from '@mutu/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { adminMeta } from '../admin/admin-events';
import { ApiError } from '../common/api-error';
import { ADMIN_STREAM, GovernanceLog } from '../governance/governance-log';

export type DirectoryKind = 'regions' | 'schools' | 'users';

/** What multer hands over for the `file` field (in memory). */
export interface DirectoryUpload {
  originalname: string;
  buffer: Buffer;
}

type Plan = NewRegion[] | NewSchool[] | NewUser[];

export interface DirectoryImportResult {
  kind: DirectoryKind;
  dryRun: boolean;
  created: boolean;
  count: number;
  rows: { row: number; id: string; name: string }[];
}

const VALIDATORS: Record<DirectoryKind, (rows: string[][], s: DirectorySnapshot) => DirectoryOutcome<Plan>> = {
  regions: validateRegionSheet,
  schools: validateSchoolSheet,
  users: validateStaffSheet,
};

const idOf = (p: Plan[number]) => ('userId' in p ? p.userId : 'schoolId' in p ? p.schoolId : p.regionId);

/**
 * POST /admin/import/{regions,schools,users}: every row is validated against the directory before
 * anything is written; one invalid row is a 422 IMPORT_INVALID listing every row error, and nothing
 * is created. A valid sheet is written in one transaction with one DirectoryImported event of the
 * admin stream. Imported users have no usable password: the admin sets a temporary one (reset),
 * which they must change at their first sign-in.
 */
@Injectable()
export class ImportDirectoryUseCase {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(GovernanceLog) private readonly log: GovernanceLog,
  ) {}

  async execute(actor: Actor, kind: DirectoryKind, file: DirectoryUpload | undefined, dryRun: boolean): Promise<DirectoryImportResult> {
    if (!file || file.buffer.length === 0) {
      throw new ApiError(400, 'MISSING_FILE', 'Attach the sheet (.csv or .xlsx) in the "file" field.', { issues: [{ path: 'file', message: 'required' }] });
    }
    // multer decodes names as latin1; clients send UTF-8. Only the extension is used, and the name is recorded.
    // eslint-disable-next-line no-control-regex -- control characters (NUL above all) cannot be stored in the event
    const filename = Buffer.from(file.originalname, 'latin1').toString('utf8').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);
    let rows: string[][];
    try {
      rows = await readSheet(file.buffer, filename);
    } catch (e) {
      if (e instanceof SheetReadError) throw new ApiError(400, e.code, e.message, { issues: [{ path: 'file', message: e.message }] });
      throw e;
    }
    const outcome = VALIDATORS[kind](rows, await loadDirectorySnapshot(this.ds));
    if (!outcome.ok) {
      const message = `The sheet has ${outcome.errors.length} error(s); nothing was created.`;
      throw new HttpException({ statusCode: 422, code: 'IMPORT_INVALID', message, errors: outcome.errors }, 422);
    }
    const plan = outcome.plan;
    const summary = { kind, count: plan.length, rows: plan.map((p) => ({ row: p.row, id: idOf(p), name: p.name })) };
    if (dryRun) return { ...summary, dryRun: true, created: false };
    const hash = kind === 'users' ? await bcrypt.hash(randomBytes(32).toString('base64'), 10) : '';
    const regions = plan.map((p) => ('regionIds' in p ? p.regionIds : [p.regionId])).flat();
    const schoolIds = kind === 'users' ? (plan as NewUser[]).flatMap((u) => u.schoolIds) : [];
    const data = {
      kind,
      filename,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      count: plan.length,
      entries: plan.map(({ row: _row, ...entry }) => entry),
      ...adminMeta(actor, [...regions, ...(await this.regionsOfSchools(schoolIds))]),
    };
    await this.log.record({ streamId: ADMIN_STREAM, type: 'DirectoryImported', data, actor, apply: (tx) => this.write(tx, kind, plan, hash, actor) });
    return { ...summary, dryRun: false, created: true };
  }

  private async write(tx: EntityManager, kind: DirectoryKind, plan: Plan, hash: string, actor: Actor): Promise<void> {
    try {
      if (kind === 'regions') {
        const p = plan as NewRegion[];
        await tx.query('INSERT INTO regions (region_id, name) SELECT * FROM unnest($1::text[], $2::text[])', [p.map((r) => r.regionId), p.map((r) => r.name)]);
      } else if (kind === 'schools') {
        for (const s of plan as NewSchool[]) {
          await tx.query(
            'INSERT INTO schools (school_id, region_id, name, npsn, level, time_zone, sub_district) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [s.schoolId, s.regionId, s.name, s.npsn, s.level, s.timeZone, s.subDistrict],
          );
          if (s.supervisorUserIds?.length) await setSchoolSupervisors(tx, s.schoolId, s.supervisorUserIds, actor.userId);
        }
      } else {
        for (const u of plan as NewUser[]) {
          await tx.query(
            `INSERT INTO users (user_id, email, name, password_hash, roles, school_ids, region_ids, must_change_password)
             VALUES ($1, $2, $3, $4, $5, $6, $7, true)`,
            [u.userId, u.email, u.name, hash, u.roles, u.schoolIds, u.regionIds],
          );
        }
      }
    } catch (e) {
      // Someone created the same region, school or user between the check and the write.
      if ((e as { code?: string }).code === '23505') throw new ApiError(409, 'ALREADY_EXISTS', 'A row of the sheet was created meanwhile; check the sheet again.');
      throw e;
    }
  }

  private async regionsOfSchools(schoolIds: readonly string[]): Promise<string[]> {
    if (schoolIds.length === 0) return [];
    const rows: { region_id: string }[] = await this.ds.query('SELECT DISTINCT region_id FROM schools WHERE school_id = ANY($1::text[])', [schoolIds]);
    return rows.map((r) => r.region_id);
  }
}
