// Deadline policies per region, through the worker's schedule activity on the real database: a
// new program takes its region's newest version, a program of another region the general one, and
// a program that started on a version keeps it.
import type { DataSource } from 'typeorm';
import { DEFAULT_DEADLINE_POLICY } from '@mutu/calendar';
import { createDataSource, DeadlinePoliciesRepository } from '@mutu/persistence';
import { DeadlineActivitiesService } from '../../apps/worker/src/activities/deadline.activities.service';

const n = Date.now().toString(36);
const REGION = `reg-dlp-${n}`;
const SCHOOL = `sch-dlp-${n}`;

describe('deadline policies per region (worker schedule activity)', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 2 });
    await ds.initialize();
    await ds.query('INSERT INTO regions (region_id, name) VALUES ($1, $2)', [REGION, `Deadline policy ${n}`]);
    await ds.query('INSERT INTO schools (school_id, region_id, name) VALUES ($1, $2, $3)', [SCHOOL, REGION, 'SD Kebijakan Tenggat']);
  });

  afterAll(async () => {
    await ds.query('DELETE FROM deadlines WHERE school_id = $1', [SCHOOL]);
    await ds.destroy();
  });

  const planSchedule = (service: DeadlineActivitiesService, regionId: string, policyVersion?: number) =>
    service.computeStageSchedule({
      programId: `prog-dlp-${n}-${regionId}-${policyVersion ?? 'new'}`,
      facts: { stage: 'plan', schoolId: SCHOOL, regionId, budgetYear: 2030, timeZone: 'Asia/Jakarta', stageStartedAt: '2030-01-02T01:00:00.000Z', activities: [], extensions: [] },
      ...(policyVersion !== undefined ? { policyVersion } : {}),
      now: '2030-01-02T01:00:00.000Z',
    });

  it("starts new programs of a region on the region's newest version, others on the general one, and keeps a started version", async () => {
    const policies = new DeadlinePoliciesRepository(ds);
    const general = await policies.latest();
    const { version: _v, ...body } = DEFAULT_DEADLINE_POLICY;
    const own = await policies.publish({ ...body, plan: { ...body.plan, approvedBy: '02-15' } }, 'u-admin', 'SK 1/2030', REGION);
    const service = new DeadlineActivitiesService(ds);

    const inRegion = await planSchedule(service, REGION);
    expect(inRegion.policyVersion).toBe(own.version);
    expect(inRegion.items.find((i) => i.kind === 'due')?.dueDate).toBe('2030-02-15');

    const elsewhere = await planSchedule(service, 'reg-jaktim');
    expect(elsewhere.policyVersion).toBe(general.version);
    expect((await policies.latest('reg-jaktim')).version).toBe(general.version);

    const started = await planSchedule(service, REGION, general.version);
    expect(started.policyVersion).toBe(general.version);
    expect((await policies.ofRegion(REGION)).map((p) => [p.policy.version, p.note])).toEqual([[own.version, 'SK 1/2030']]);
  });
});
