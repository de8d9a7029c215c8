import { generateKeyPairSync } from 'node:crypto';
import {
  buildBundle,
  createDataSource,
  EventStore,
  migrate,
  publicKeyPemOf,
  signCheckpoint,
  verifyBundle,
  verifyStore,
  type AuditSigningKey,
} from '@mutu/persistence';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { appendProgram, programArb, tamperArb, tamperInDb, tamperInMemory } from './audit-tamper.support';

const keyOf = (): AuditSigningKey => {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeyPem: publicKeyPemOf(privateKey), source: 'ephemeral' };
};

describe('audit: hash chain verification finds tampering', () => {
  let ds: DataSource;
  let store: EventStore;
  const key = keyOf();

  beforeAll(async () => {
    // The owner role: these tests rewrite events on purpose, which the application role cannot.
    ds = createDataSource({ url: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL!, poolSize: 4 });
    await ds.initialize();
    await migrate(ds);
    store = new EventStore(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('an untouched program verifies clean, against the streams table and a checkpoint', async () => {
    await fc.assert(
      fc.asyncProperty(programArb, async (commands) => {
        const streamId = await appendProgram(store, commands);
        const events = await store.readStream(streamId);
        const checkpoint = signCheckpoint([{ streamId, version: events.length, hash: events[events.length - 1].hash }], key);
        const report = await verifyStore(ds, { streamId, checkpoints: [checkpoint], trustedPublicKeyPem: key.publicKeyPem });
        expect(report).toMatchObject({ ok: true, streams: 1, events: events.length, breaks: [] });
      }),
      { numRuns: 10 },
    );
  });

  it('every random edit, delete, insert, swap or truncation in the events table is found at the first bad version', async () => {
    await fc.assert(
      fc.asyncProperty(programArb, tamperArb, async (commands, tamper) => {
        const streamId = await appendProgram(store, commands);
        const events = await store.readStream(streamId);
        const checkpoint = signCheckpoint([{ streamId, version: events.length, hash: events[events.length - 1].hash }], key);
        const version = await tamperInDb(ds, streamId, tamper, events);
        const report = await verifyStore(ds, { streamId, checkpoints: [checkpoint] });
        expect(report.ok).toBe(false);
        expect(report.breaks[0]).toMatchObject({ streamId, kind: tamper.kind, version });
      }),
      { numRuns: 60 },
    );
  });

  it('verifying every stream reports the broken ones only', async () => {
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => appendProgram(store, fc.sample(programArb, 1)[0])));
    const events = await store.readStream(b);
    await tamperInDb(ds, b, { kind: 'edited', at: 0.5, variant: 0 }, events);
    const report = await verifyStore(ds);
    const broken = report.breaks.map((x) => x.streamId);
    expect(broken).toContain(b);
    expect(broken).not.toContain(a);
    expect(broken).not.toContain(c);
  });

  it('verifying in parallel stream ranges reads every event once and finds the breaks in each range', async () => {
    const streams = await Promise.all(Array.from({ length: 6 }, () => appendProgram(store, fc.sample(programArb, 1)[0])));
    const [edited, deleted] = [streams[0], streams[5]];
    await tamperInDb(ds, edited, { kind: 'edited', at: 0.5, variant: 2 }, await store.readStream(edited));
    await tamperInDb(ds, deleted, { kind: 'deleted', at: 0.3, variant: 0 }, await store.readStream(deleted));
    await ds.query('ANALYZE events'); // the ranges come from the planner's histogram
    const report = await verifyStore(ds, { parallel: 3 });
    expect(report.events).toBe(await store.countEvents());
    const found = new Map(report.breaks.map((b) => [b.streamId, b.kind]));
    expect(found.get(edited)).toBe('edited');
    expect(found.get(deleted)).toBe('deleted');
    for (const s of streams.slice(1, 5)) expect(found.has(s)).toBe(false);
  });

  it('a checkpoint signed by another key is reported even when the chain is intact', async () => {
    const streamId = await appendProgram(store, fc.sample(programArb, 1)[0]);
    const events = await store.readStream(streamId);
    const forged = signCheckpoint([{ streamId, version: events.length, hash: events[events.length - 1].hash }], keyOf());
    const report = await verifyStore(ds, { streamId, checkpoints: [forged], trustedPublicKeyPem: key.publicKeyPem });
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([]);
    expect(report.checkpointProblems.join()).toMatch(/another key/);
  });

  describe('exported bundles', () => {
    it('an untouched bundle verifies offline', async () => {
      const streamId = await appendProgram(store, fc.sample(programArb, 1)[0]);
      const events = await store.readStream(streamId);
      const checkpoint = signCheckpoint([{ streamId, version: events.length, hash: events[events.length - 1].hash }], key);
      const { archive } = buildBundle({ programId: 'p', streamId, events, histories: [], checkpoint, key });
      expect(verifyBundle(archive, key.publicKeyPem)).toMatchObject({ ok: true, problems: [], breaks: [], events: events.length });
    });

    it('every random tampering of a rebuilt bundle is found at the first bad version', async () => {
      await fc.assert(
        fc.asyncProperty(programArb, tamperArb, async (commands, tamper) => {
          const streamId = await appendProgram(store, commands);
          const events = await store.readStream(streamId);
          const checkpoint = signCheckpoint([{ streamId, version: events.length, hash: events[events.length - 1].hash }], key);
          const tampered = tamperInMemory(events, tamper);
          // The attacker rebuilds the archive and its manifest, but can only sign with their own key.
          const { archive } = buildBundle({ programId: 'p', streamId, events: tampered.events, histories: [], checkpoint, key: keyOf() });
          const report = verifyBundle(archive, key.publicKeyPem);
          expect(report.ok).toBe(false);
          expect(report.breaks[0]).toMatchObject({ streamId, kind: tamper.kind, version: tampered.version });
        }),
        { numRuns: 60 },
      );
    });

    it('a member changed after export fails its manifest hash', async () => {
      const streamId = await appendProgram(store, fc.sample(programArb, 1)[0]);
      const events = await store.readStream(streamId);
      const { archive } = buildBundle({ programId: 'p', streamId, events, histories: [{ workflowId: 'w', runId: 'r1', json: '{"events":[]}' }], key });
      const { gunzipSync, gzipSync } = await import('node:zlib');
      const tar = gunzipSync(archive);
      const at = tar.indexOf('{"events":[]}');
      tar.write('{"events":[1]', at);
      const report = verifyBundle(gzipSync(tar));
      expect(report.ok).toBe(false);
      expect(report.problems.join('\n')).toMatch(/temporal\/r1\.json does not match its sha256/);
    });
  });
});
