import { Inject, Injectable } from '@nestjs/common';
import type { Actor, Role } from '@mutu/domain';
import { ApiError, notFound } from '../common/api-error';
import { ProgramsRepository, type ProgramRow } from '../programs/programs.repository';

export const AUDIT_ROLES: readonly Role[] = ['auditor', 'district_officer', 'supervisor', 'principal', 'qa_team', 'admin'];

/** Who may audit a program: an auditing role (403 otherwise) and the program in scope (404). */
@Injectable()
export class AuditAccess {
  constructor(@Inject(ProgramsRepository) private readonly programs: ProgramsRepository) {}

  async program(actor: Actor, programId: string): Promise<ProgramRow> {
    if (!actor.roles.some((r) => AUDIT_ROLES.includes(r))) {
      throw new ApiError(403, 'FORBIDDEN', `Auditing needs one of the roles ${AUDIT_ROLES.join(', ')}.`);
    }
    const row = await this.programs.findVisible(programId, actor);
    if (!row) throw notFound('program');
    return row;
  }
}
