import { loadConfigOrExit } from '@mutu/config';
import { coreProjectors, createDataSource, diffReadModels, EventStore, migrate, snapshotReadModels } from '@mutu/persistence';
import { progress } from '../progress';

/**
 * `mutu projections rebuild`: replays every event into persistence's read models (programs, campaigns, realisation, dashboard), then
 * compares the result with what the live, incremental projection had built. Exits 1 on any
 * difference (the rebuilt models stay: they are the ones the events justify).
 */
export async function rebuildProjections(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.DATABASE_URL) throw new Error('set DATABASE_URL to rebuild the read models');
  const ds = createDataSource({ url: config.DATABASE_URL, poolSize: 2, applicationName: 'mutu-projections' });
  await ds.initialize();
  try {
    await migrate(ds);
    // The notification projectors are left out on purpose: the outbox holds delivery state.
    const store = new EventStore(ds, coreProjectors());
    const live = await snapshotReadModels(ds);
    const total = await store.countEvents();
    const bar = progress({ label: 'replaying', unit: 'events', everyItems: 50_000 });
    const events = await store.rebuildProjections((done) => bar.update(done, total)).finally(() => bar.stop());
    const rebuilt = await snapshotReadModels(ds);
    const differences = diffReadModels(live, rebuilt);
    process.stdout.write(
      `rebuilt programs (${rebuilt.programs.length}), tasks (${rebuilt.tasks.length}), campaigns (${rebuilt.campaigns.length}) and clusters (${rebuilt.campaign_clusters.length}) from ${events} events\n`,
    );
    if (differences.length === 0) {
      process.stdout.write('the rebuilt read models equal the live ones\n');
      return;
    }
    process.stdout.write(`${differences.length} difference(s) from the live read models:\n${differences.map((d) => `  ${d}\n`).join('')}`);
    process.exitCode = 1;
  } finally {
    await ds.destroy();
  }
}
