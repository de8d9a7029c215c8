import { DataSource } from 'typeorm';
import { emptyDatabase, type IsolatedDatabase } from '../support/isolated-database';
import type { ProgramCommand, Program } from '@mutu/domain';
import { createDataSource, MIGRATIONS, migrate } from '@mutu/persistence';
import { happyPath, runCommands } from '@mutu/domain/testing';

const PROGRAM_EVIDENCE = 1760000001640;
const stampOf = (m: (typeof MIGRATIONS)[number]) => Number(/\d+$/.exec(m.name)![0]);

// A database whose programs hold evidence before the evidence index existed: the migration fills
// the index from the stored states, so downloads find the files without a rebuild.
describe('evidence index migration (PostgreSQL)', () => {
  let db: IsolatedDatabase;
  let url: string;

  beforeAll(async () => {
    db = await emptyDatabase('mutu_evidence');
    url = db.url;
  });

  afterAll(async () => {
    await db?.drop().catch(() => undefined);
  });

  it('indexes every evidence file of every stored program state', async () => {
    const old = new DataSource({ type: 'postgres', url, migrations: MIGRATIONS.filter((m) => stampOf(m) < PROGRAM_EVIDENCE), migrationsTableName: 'schema_migrations' });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    const p = happyPath(2);
    const { state, events } = runCommands([...p.plan, ...p.assign, ...p.execute] as ProgramCommand[]);
    const program = state as Program;
    const files = program.plan.activities.flatMap((a) => a.evidence.map((e) => ({ activity_id: a.id, sha256: e.sha256, filename: e.filename, mime_type: e.mimeType })));
    expect(files.length).toBeGreaterThan(1);
    for (const [programId, s] of [
      ['with-evidence', program],
      ['plan-only', runCommands(p.plan as ProgramCommand[]).state as Program],
    ] as const) {
      await old.query(
        `INSERT INTO programs (program_id, school_id, region_id, budget_year, title, stage, version, state, state_version, progress, created_at, updated_at, time_zone)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::json, $7, 0, now(), now(), $9)`,
        [programId, s.schoolId, s.regionId, s.budgetYear, s.title, s.stage, events.length, JSON.stringify(s), s.timeZone],
      );
    }
    await old.destroy();

    const ds = createDataSource({ url, poolSize: 2 });
    await ds.initialize();
    try {
      expect(await migrate(ds)).toContain(`ProgramEvidence${PROGRAM_EVIDENCE}`);
      const indexed = await ds.query('SELECT program_id, activity_id, sha256, filename, mime_type FROM program_evidence ORDER BY activity_id, sha256');
      expect(indexed).toEqual(files.map((f) => ({ program_id: 'with-evidence', ...f })).sort((a, b) => `${a.activity_id}/${a.sha256}`.localeCompare(`${b.activity_id}/${b.sha256}`)));
    } finally {
      await ds.destroy();
    }
  });
});
