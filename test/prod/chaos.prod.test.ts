// The fault suite on the production topology. In `npm test` a short run (a few programs, each fault
// at least once); `npm run chaos` runs the long one (CHAOS_LONG=1: 200 programs, ≥3 kills of each
// replica kind, ≥2 restarts of PostgreSQL and of the Temporal server). CHAOS_SEED repeats a run.
import { runChaos, type ChaosOptions } from '../chaos/chaos-run';

const long = process.env.CHAOS_LONG === '1';
const seed = process.env.CHAOS_SEED ? Number(process.env.CHAOS_SEED) : Math.floor(Math.random() * 2 ** 31);
const options: Omit<ChaosOptions, 'log'> = long
  ? {
      seed,
      programs: Number(process.env.CHAOS_PROGRAMS ?? 200),
      concurrency: Number(process.env.CHAOS_CONCURRENCY ?? 50),
      faults: { 'kill -9 worker': 3, 'kill -9 api': 3, 'restart postgres': 2, 'restart temporal': 2 },
      minGapMs: 15_000,
      requestBudgetMs: 300_000,
    }
  : {
      seed,
      programs: Number(process.env.CHAOS_PROGRAMS ?? 20),
      concurrency: 20,
      faults: { 'kill -9 worker': 1, 'kill -9 api': 1, 'restart postgres': 1, 'restart temporal': 1 },
      // Each fault is awaited until it is over (a replica respawned, a server answering); the gap
      // after it is short, so the four fit in a short load on a fast machine.
      minGapMs: 2_000,
      requestBudgetMs: 180_000,
    };

jest.setTimeout(long ? 4 * 3_600_000 : 900_000);

describe('fault suite: nothing accepted is lost or duplicated while parts of production die', () => {
  it(`drives ${options.programs} programs to closed through replica kills and PostgreSQL and Temporal restarts (seed ${seed})`, async () => {
    const report = await runChaos({ ...options, log: (line) => process.stdout.write(`${line}\n`) });
    process.stdout.write(`chaos figures: ${JSON.stringify(report.figures, null, 2)}\n`);
    if (report.problems.length > 0) process.stdout.write(`chaos problems (seed ${seed}):\n${report.problems.slice(0, 200).map((p) => `  ${p}`).join('\n')}\n`);
    expect(report.problems).toEqual([]);
    expect(report.figures).toMatchObject({ programsClosed: options.programs, lost: 0, duplicated: 0, streamGaps: 0, readModelDifferences: 0 });
  });
});
