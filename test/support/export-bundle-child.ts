// Child process for the offline round trip: provisions its own throwaway PostgreSQL, records a
// program's events, exports the audit bundle to a file, then stops the database (and removes it).
import { writeFileSync } from 'node:fs';
import { decide, evolve, initialProgramState, type ProgramCommand, type ProgramState } from '@mutu/domain';
import { happyPath, PROGRAM_ID } from '@mutu/domain/testing';
import { type AuditSigningKey, buildBundle, createDataSource, EventStore, migrate, programStreamId, signCheckpoint, eventHeads } from '@mutu/persistence';
import { provisionPostgres, silentLog } from '@mutu/provisioning';
import { generateKeyPairSync } from 'node:crypto';

async function main(): Promise<void> {
  const [out] = process.argv.slice(2);
  const pg = await provisionPostgres({ log: silentLog });
  const ds = createDataSource({ url: pg.url, poolSize: 2 });
  await ds.initialize();
  await migrate(ds);
  const store = new EventStore(ds);
  const streamId = programStreamId(PROGRAM_ID);
  const groups = happyPath(2);
  let state: ProgramState = initialProgramState();
  let version = 0;
  for (const command of Object.values(groups).flat() as ProgramCommand[]) {
    const events = decide(command, state);
    const result = await store.append({ streamId, expectedVersion: version, commandId: command.commandId, events: events as never, metadata: { commandType: command.type, actorId: command.actor.userId }, occurredAt: command.now });
    for (const e of events) state = evolve(state, e);
    version = result.toVersion;
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const signingKey: AuditSigningKey = { privateKey, publicKeyPem, source: 'ephemeral' };
  const checkpoint = signCheckpoint(await eventHeads(ds), signingKey);
  const events = await store.readStream(streamId);
  const { archive } = buildBundle({ programId: PROGRAM_ID, streamId, events, histories: [], checkpoint, key: signingKey });
  writeFileSync(out, archive);
  await ds.destroy();
  await pg.stop();
  process.stdout.write(JSON.stringify({ events: events.length, pgUrl: pg.url, publicKeyPem }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
