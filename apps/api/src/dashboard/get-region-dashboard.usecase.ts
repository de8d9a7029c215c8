import { Inject, Injectable } from '@nestjs/common';
import { componentName, hasRole, type Actor } from '@mutu/domain';
import { DataSource } from 'typeorm';
import { notFound } from '../common/api-error';
import { BospComponentsRepository } from '../bosp/bosp-components.repository';
import { DashboardAnswerCache } from './dashboard-answer-cache';
import { CHOICES, COMPONENT_ROWS, PROGRAM_ROWS, SCHOOL_ROWS } from './dashboard.queries';
import { STAGES, type DashboardProgram, type DashboardSchool, type RegionDashboard, type RegionDashboardQuery, type Stage } from './dashboard.schemas';

interface ProgramRow { program_id: string; school_id: string; title: string; stage: Stage; signed_off: boolean; overdue: number; due_soon: number; planned: number; realised: number }
interface ComponentRow { component: string; planned: number; realised: number }
interface SchoolRow { school_id: string; name: string; level: string; sub_district: string | null }

const percent = (planned: number, realised: number) => (planned === 0 ? null : Math.round((realised / planned) * 1000) / 10);
/** The budget year of `now` in Jakarta (the default of the dashboard). */
const yearIn = (now: Date) => Number(now.toLocaleDateString('en-CA', { timeZone: 'Asia/Jakarta' }).slice(0, 4));
const byStage = () => Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;

/**
 * The education office's view of a region and budget year: a school × stage matrix, overdue and
 * soon-due deadlines, sign-offs and realisation per BOSP component, from the dashboard read model.
 * A region outside the caller's scope answers 404 (admins see every region).
 */
@Injectable()
export class GetRegionDashboardUseCase {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(BospComponentsRepository) private readonly lists: BospComponentsRepository,
    @Inject(DashboardAnswerCache) private readonly cache: DashboardAnswerCache,
  ) {}

  /** The answer as JSON text, computed again only when the read models it comes from changed. */
  async json(actor: Actor, q: RegionDashboardQuery, now = new Date()): Promise<string> {
    const { regionId, regionName } = await this.region(actor, q);
    const budgetYear = q.budgetYear ?? yearIn(now);
    const key = JSON.stringify([regionId, budgetYear, q.level ?? null, q.subDistrict ?? null, q.schoolId ?? null]);
    return this.cache.read(this.ds, key, regionId, budgetYear, async () => JSON.stringify(await this.compute({ ...q, regionId, budgetYear }, regionName)));
  }

  async execute(actor: Actor, q: RegionDashboardQuery): Promise<RegionDashboard> {
    const { regionId, regionName } = await this.region(actor, q);
    return this.compute({ ...q, regionId }, regionName);
  }

  /** The region asked for (or the caller's first), if the caller may see it; else 404. */
  private async region(actor: Actor, q: RegionDashboardQuery): Promise<{ regionId: string; regionName: string }> {
    const regionId = q.regionId ?? actor.regionIds[0] ?? (hasRole(actor, 'admin') ? await this.firstRegion() : undefined);
    const [region]: { name: string }[] = regionId ? await this.ds.query('SELECT name FROM regions WHERE region_id = $1', [regionId]) : [];
    if (!region || !(hasRole(actor, 'admin') || actor.regionIds.includes(regionId!))) throw notFound('region');
    return { regionId: regionId!, regionName: region.name };
  }

  /** An admin with no region of their own sees the first region unless they name one. */
  private async firstRegion(): Promise<string | undefined> {
    const [first]: { region_id: string }[] = await this.ds.query('SELECT region_id FROM regions ORDER BY region_id LIMIT 1');
    return first?.region_id;
  }

  private async compute(q: RegionDashboardQuery & { regionId: string }, regionName: string, now = new Date()): Promise<RegionDashboard> {
    const { regionId } = q;
    const budgetYear = q.budgetYear ?? yearIn(now);
    const args = [regionId, budgetYear, q.level ?? null, q.subDistrict ?? null, q.schoolId ?? null];
    const [programs, components, schools, [choices], list]: [ProgramRow[], ComponentRow[], SchoolRow[], { sub_districts: string[] | null; levels: string[] | null; today: string | null }[], Awaited<ReturnType<BospComponentsRepository['get']>>] =
      await Promise.all([
        this.ds.query(PROGRAM_ROWS, args),
        this.ds.query(COMPONENT_ROWS, args),
        this.ds.query(SCHOOL_ROWS, args),
        this.ds.query(CHOICES, [regionId]),
        this.lists.get(budgetYear),
      ]);
    if (q.schoolId && schools.length === 0) throw notFound('school');
    const programsOf = new Map<string, DashboardProgram[]>();
    for (const p of programs) {
      const view: DashboardProgram = { programId: p.program_id, title: p.title, stage: p.stage, overdue: p.overdue, dueWithin7Days: p.due_soon, signedOff: p.signed_off, planned: p.planned, realised: p.realised };
      const own = programsOf.get(p.school_id);
      if (own) own.push(view);
      else programsOf.set(p.school_id, [view]);
    }
    const schoolViews: DashboardSchool[] = schools.map((s) => {
      const own = programsOf.get(s.school_id) ?? [];
      const stages = byStage();
      for (const p of own) stages[p.stage]++;
      const planned = own.reduce((a, p) => a + p.planned, 0);
      const realised = own.reduce((a, p) => a + p.realised, 0);
      return {
        schoolId: s.school_id, name: s.name, level: s.level, subDistrict: s.sub_district, byStage: stages,
        overdue: own.reduce((a, p) => a + p.overdue, 0), dueWithin7Days: own.reduce((a, p) => a + p.dueWithin7Days, 0),
        signedOff: own.filter((p) => p.signedOff).length, planned, realised, percent: percent(planned, realised), programs: own,
      };
    });
    const stages = byStage();
    for (const p of programs) stages[p.stage]++;
    return {
      regionId,
      regionName,
      budgetYear,
      today: choices?.today ?? now.toISOString().slice(0, 10),
      filters: { level: q.level ?? null, subDistrict: q.subDistrict ?? null, schoolId: q.schoolId ?? null },
      choices: { subDistricts: [...(choices?.sub_districts ?? [])].sort(), levels: [...(choices?.levels ?? [])].sort() },
      counters: {
        schools: schools.length,
        programs: programs.length,
        byStage: stages,
        overdueDeadlines: programs.reduce((a, p) => a + p.overdue, 0),
        programsOverdue: programs.filter((p) => p.overdue > 0).length,
        dueWithin7Days: programs.reduce((a, p) => a + p.due_soon, 0),
        signedOff: programs.filter((p) => p.signed_off).length,
      },
      components: components
        .sort((a, b) => a.component.localeCompare(b.component))
        .map((c) => ({ code: c.component, name: componentName(c.component, list.components), planned: c.planned, realised: c.realised, percent: percent(c.planned, c.realised) })),
      schools: schoolViews,
    };
  }
}
