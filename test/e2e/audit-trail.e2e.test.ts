import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { writeNondeterministicVariant } from '../replay/fixtures/nondeterministic-variant';
import type { ProgramCommand } from '@mutu/domain';
import { canonicalJson, RunArchive, verifyBundle } from '@mutu/persistence';
import { DataSource } from 'typeorm';
import { archiveClosedRuns, fetchProgramRuns } from '@mutu/temporal';
import { until } from '../support/until';
import { webpackConfigHook } from '@mutu/temporal';
import type { CommandOutcome } from '@mutu/workflows';
import { ProgramGateway } from '../../apps/api/src/programs/program-gateway.service';
import { replayPrograms } from '../../apps/cli/src/audit/replay';
import { EventStore } from '@mutu/persistence';
import { Client } from '@temporalio/client';
import { createProgram, happyPath } from '@mutu/domain/testing';
import { startTestStack, type TestStack } from '../support/stack';

const SCHOOL = { schoolId: 'sch-sdn-cipinang-01', regionId: 'reg-jaktim' };
const run = `${process.pid}${Date.now().toString(36)}`;

/** Drives a program through the real workflow, recording what each accepted command returned. */
async function drive(gateway: ProgramGateway, programId: string, commands: ProgramCommand[]) {
  const seen: { version: number; state: unknown }[] = [];
  for (const raw of commands) {
    // Fixture actors are scoped to 'sch-1'/'reg-1'; move them to the seeded demo school.
    const actor = {
      ...raw.actor,
      schoolIds: raw.actor.schoolIds.map((s) => (s === 'sch-1' ? SCHOOL.schoolId : s)),
      regionIds: raw.actor.regionIds.map((r) => (r === 'reg-1' ? SCHOOL.regionId : r)),
    };
    const c = { ...raw, actor, commandId: `${programId}-${raw.commandId}` } as ProgramCommand;
    const outcome: CommandOutcome =
      c.type === 'CreateProgram'
        ? await gateway.create({ ...c, payload: { ...c.payload, ...SCHOOL, programId } } as never)
        : await gateway.send(programId, c);
    // The state the workflow reports right after the command (its version may be later when the
    // workflow recorded a reminder in between: the pair stays consistent).
    const reported = await gateway.state(programId);
    expect(reported.version).toBeGreaterThanOrEqual(outcome.version);
    seen.push({ version: reported.version, state: JSON.parse(JSON.stringify(reported.state)) });
  }
  return seen;
}

describe('audit trail of programs run through the real stack', () => {
  let stack: TestStack;
  let auditor: string;
  const ids = { full: `aud-full-${run}`, plan: `aud-plan-${run}`, created: `aud-new-${run}` };
  let fullStates: { version: number; state: unknown }[];
  const get = (url: string, token = auditor) => fetch(`${stack.baseUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    stack = await startTestStack();
    auditor = await stack.login('auditor@demo.mutu.id');
    const gateway = stack.api.get(ProgramGateway);
    const g = happyPath(2);
    const all = [...g.plan, ...g.assign, ...g.execute, ...g.document, ...g.report] as ProgramCommand[];
    fullStates = await drive(gateway, ids.full, all);
    await drive(gateway, ids.plan, g.plan.slice(0, 2) as ProgramCommand[]);
    await drive(gateway, ids.created, [createProgram()]);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('the state as of every version and every moment it was recorded equals what the workflow reported then', async () => {
    const page = (await (await get(`/audit/programs/${ids.full}/events?limit=1000`)).json()) as { events: { version: number; recordedAt: string }[] };
    const recordedAt = new Map(page.events.map((e) => [e.version, e.recordedAt]));
    for (const s of fullStates) {
      const byVersion = await get(`/audit/programs/${ids.full}/state?version=${s.version}`);
      expect(byVersion.status).toBe(200);
      expect(canonicalJson(((await byVersion.json()) as { state: unknown }).state)).toBe(canonicalJson(s.state));
      const byTime = (await (await get(`/audit/programs/${ids.full}/state?asOf=${encodeURIComponent(recordedAt.get(s.version)!)}`)).json()) as { version: number; state: unknown };
      expect(byTime.version).toBe(s.version);
      expect(canonicalJson(byTime.state)).toBe(canonicalJson(s.state));
    }
  });

  it('the latest state equals the workflow state query', async () => {
    const latest = (await (await get(`/audit/programs/${ids.plan}/state`)).json()) as { version: number; state: unknown };
    const queried = await stack.api.get(ProgramGateway).state(ids.plan);
    expect(latest.version).toBe(queried.version);
    expect(canonicalJson(latest.state)).toBe(canonicalJson(JSON.parse(JSON.stringify(queried.state))));
  });

  it('pages through the events with actor, role, time and hash', async () => {
    const versions: number[] = [];
    let after: number | null = 0;
    while (after !== null) {
      const page = (await (await get(`/audit/programs/${ids.full}/events?afterVersion=${after}&limit=7`)).json()) as {
        events: { version: number; hash: string; occurredAt: string; actor: { userId: string | null; role: string | null } }[];
        nextAfterVersion: number | null;
      };
      for (const e of page.events) {
        expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
        versions.push(e.version);
      }
      after = page.nextAfterVersion;
    }
    expect(versions).toEqual(Array.from({ length: fullStates[fullStates.length - 1].version }, (_, i) => i + 1));
  });

  it('tells who did what and why, in Indonesian and in English', async () => {
    const id = (await (await get(`/audit/programs/${ids.plan}/timeline`)).json()) as { entries: { text: string }[] };
    expect(id.entries[0].text).toMatch(/Kepala sekolah .*membuat program/);
    const en = (await (await get(`/audit/programs/${ids.plan}/timeline?lang=en`)).json()) as { entries: { text: string }[] };
    expect(en.entries.map((e) => e.text).join('\n')).toMatch(/Principal .*submitted the plan/);
  });

  it('verifies the chain and refuses other roles (403) and other regions (404)', async () => {
    const res = await fetch(`${stack.baseUrl}/audit/programs/${ids.full}/verify`, { method: 'POST', headers: { authorization: `Bearer ${auditor}` } });
    expect(await res.json()).toMatchObject({ ok: true, breaks: [], streams: 1 });
    expect((await get(`/audit/programs/${ids.full}/events`, await stack.login('guru@demo.mutu.id'))).status).toBe(403);
    expect((await get(`/audit/programs/${ids.full}/events`, await stack.login('kepsek.bdg@demo.mutu.id'))).status).toBe(404);
    expect((await get(`/audit/programs/${ids.full}/state?version=abc`)).status).toBe(400);
  });

  it('exports a bundle that verifies offline with every Temporal run in it', async () => {
    const res = await get(`/audit/programs/${ids.full}/export`);
    expect(res.status).toBe(200);
    const report = verifyBundle(Buffer.from(await res.arrayBuffer()));
    expect(report).toMatchObject({ ok: true, problems: [], breaks: [], programId: ids.full });
    expect(report.runs).toBeGreaterThan(1); // continue-as-new at stage boundaries
  });

  it('replays every program clean against the current code; a non-deterministic change fails only the programs it touches', async () => {
    const deps = { client: stack.api.get(Client), store: stack.api.get(EventStore) };
    const clean = await replayPrograms(deps, Object.values(ids));
    expect(clean.map((r) => [r.programId, r.ok, r.nondeterminism, r.divergence])).toEqual(Object.values(ids).map((id) => [id, true, [], []]));

    const { code } = await bundleWorkflowCode({ workflowsPath: writeNondeterministicVariant(), webpackConfigHook, logger: new DefaultLogger('WARN') });
    const changed = await replayPrograms(deps, Object.values(ids), { code: { workflowBundle: { code } } });
    const failed = Object.fromEntries(changed.map((r) => [r.programId, r.nondeterminism.length > 0]));
    expect(failed).toEqual({ [ids.full]: true, [ids.plan]: true, [ids.created]: false });
  }, 120_000);
  it('keeps every run after Temporal dropped them: the archive still exports and replays a closed program', async () => {
    const client = stack.api.get(Client);
    const archive = new RunArchive(stack.api.get(DataSource));
    const workflowId = `program-${ids.full}`;
    const before = await fetchProgramRuns(client, workflowId);
    expect(before.length).toBeGreaterThan(1);
    await until('every run of the closed program to be listed as closed', async () => {
      const closed: string[] = [];
      for await (const r of client.workflow.list({ query: `WorkflowId = '${workflowId}' AND ExecutionStatus != 'Running'` })) closed.push(r.runId);
      return closed.length === before.length;
    }, 30_000);
    // The sweep copies what is closed (runs a bundle export already read are archived on the way).
    const sweep = await archiveClosedRuns(client, archive);
    expect(sweep.seen).toBeGreaterThanOrEqual(before.length);
    expect((await archive.runsOf(workflowId)).map((r) => r.runId).sort()).toEqual(before.map((r) => r.runId).sort());
    expect((await archiveClosedRuns(client, archive)).archived).toBe(0); // a second sweep copies nothing again

    // What the namespace's retention does, done now: every run of the program is deleted from Temporal.
    for (const r of before) {
      await client.workflowService.deleteWorkflowExecution({ namespace: stack.config.TEMPORAL_NAMESPACE, workflowExecution: { workflowId, runId: r.runId } });
    }
    // The server deletes in a task of its own, after it answered: on a busy server (the whole
    // suite shares one) that can take well past 30 s.
    await until('Temporal to forget the runs', async () => {
      try {
        await client.workflow.getHandle(workflowId, before[0].runId).fetchHistory();
        return false;
      } catch {
        return true;
      }
    }, 90_000);

    const res = await get(`/audit/programs/${ids.full}/export`);
    expect(res.status).toBe(200);
    const report = verifyBundle(Buffer.from(await res.arrayBuffer()));
    expect(report).toMatchObject({ ok: true, problems: [], programId: ids.full, runs: before.length });
    const [replayed] = await replayPrograms({ client, store: stack.api.get(EventStore), archive }, [ids.full]);
    expect(replayed).toMatchObject({ ok: true, runs: before.length, nondeterminism: [], divergence: [] });
  }, 180_000);
});
