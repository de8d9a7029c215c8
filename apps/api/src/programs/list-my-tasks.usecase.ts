import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@mutu/domain';
import { activeAssignmentExists } from '@mutu/persistence';
import { DataSource } from 'typeorm';

/**
 * The inbox: tasks addressed to me, or to one of my roles at a school/region in my scope. A
 * supervisor's task goes to the school's assigned supervisors, to every supervisor in scope only
 * when the school has none.
 */
@Injectable()
export class ListMyTasksUseCase {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async execute(actor: Actor) {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT t.task_id, t.program_id, t.kind, t.stage, t.role, t.user_id, t.school_id, t.region_id, t.activity_id,
              t.since, t.due_date, p.title
         FROM tasks t JOIN programs p ON p.program_id = t.program_id
        WHERE t.user_id = $1
           OR (t.user_id IS NULL AND t.role = ANY($2::text[])
               AND (t.school_id = ANY($3::text[]) OR t.region_id = ANY($4::text[]))
               AND (t.role <> 'supervisor' OR NOT ${activeAssignmentExists('t.school_id')} OR ${activeAssignmentExists('t.school_id', '$1')}))
        ORDER BY t.due_date NULLS LAST, t.since
        LIMIT 500`,
      [actor.userId, actor.roles, actor.schoolIds, actor.regionIds],
    );
    return {
      items: rows.map((r) => ({
        taskId: r.task_id,
        programId: r.program_id,
        programTitle: r.title,
        kind: r.kind,
        stage: r.stage,
        role: r.role,
        userId: r.user_id,
        schoolId: r.school_id,
        regionId: r.region_id,
        activityId: r.activity_id,
        since: r.since,
        dueDate: r.due_date,
      })),
    };
  }
}
