import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import bcrypt from 'bcryptjs';
import { loadConfig } from '@mutu/config';
import type { Actor, ProgramCommand } from '@mutu/domain';
import { happyPath, runCommands } from '@mutu/domain/testing';
import { DEMO_PASSWORD, EventStore, programStreamId } from '@mutu/persistence';
import { DataSource } from 'typeorm';
import { createApi } from '../apps/api/src/create-api';
import { benchEnv, percentile, report, type BenchRow } from './support/bench-env';

/**
 * The education office's dashboard of a region of N schools (default 1,000) × 3 programs (one in
 * its plan, one in execution with open deadlines, one closed and signed off, each with two BOSP
 * components planned and realised), recorded through the event store so every projector wrote
 * its rows; 8 clients ask GET /dashboard/region as the region's district officer. Baseline: a
 * trivial Nest route answering the very same JSON object (same bytes), same clients, same run,
 * alternating rounds. The API keeps each answer with a stamp of the read models it came from (one
 * indexed query per request) and computes it again when they change: a row measures that too. `npm run bench -- dashboard [schools]`; env BENCH_SCHOOLS, BENCH_REQUESTS.
 */
const CLIENTS = 8;

let trivialBody: unknown = null;
@Controller()
class TrivialController {
  @Get('trivial')
  get() {
    return trivialBody;
  }
}
@Module({ controllers: [TrivialController] })
class TrivialModule {}

async function latencies(url: string, headers: Record<string, string>, requests: number): Promise<number[]> {
  const out: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next++ < requests) {
        const t0 = performance.now();
        const res = await fetch(url, { headers });
        if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
        out.push(performance.now() - t0);
      }
    }),
  );
  return out;
}

/** One school's three programs as the deciders produce them, scoped to that school. */
function programsOf(school: string, region: string): { id: string; events: ReturnType<typeof runCommands>['events'] }[] {
  const scoped = (c: ProgramCommand, id: string): ProgramCommand => {
    const a: Actor = c.actor;
    const actor = { ...a, schoolIds: a.schoolIds.length ? [school] : [], regionIds: a.regionIds.length ? [region] : [] };
    const payload = c.type === 'CreateProgram' ? { ...c.payload, programId: id, schoolId: school, regionId: region } : c.payload;
    return { ...c, actor, payload, commandId: `${id}:${c.commandId}` } as ProgramCommand;
  };
  const h = happyPath(2);
  const stages = {
    plan: h.plan.slice(0, 1),
    exec: [...h.plan, ...h.assign],
    closed: [...h.plan, ...h.assign, ...h.execute, ...h.document, ...h.report],
  };
  return Object.entries(stages).map(([k, commands]) => {
    const id = `${school}-${k}`;
    return { id, events: runCommands((commands as ProgramCommand[]).map((c) => scoped(c, id))).events };
  });
}

export async function main(args: string[]): Promise<void> {
  const schools = Number(args[0] ?? process.env.BENCH_SCHOOLS ?? 1000);
  const requests = Number(process.env.BENCH_REQUESTS ?? 200);
  const env = await benchEnv({ postgres: true, temporal: true });
  const config = loadConfig({
    ...process.env, DATABASE_URL: env.pg!.url, TEMPORAL_ADDRESS: env.temporal!.address, TEMPORAL_TASK_QUEUE: 'bench-dashboard',
    LOG_LEVEL: 'warn', NODE_ENV: 'test', SEED_DEMO_DATA: 'false', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-01',
  });
  const api = await createApi(config);
  await api.listen(0, '127.0.0.1');

  const trivialApp = await NestFactory.create(TrivialModule, { logger: false });
  await trivialApp.listen(0, '127.0.0.1');
  try {
    const ds = api.get(DataSource);
    const store = api.get(EventStore);
    const region = 'reg-bench';
    const year = 2025;
    await ds.query(`INSERT INTO regions (region_id, name) VALUES ($1, 'Kabupaten Bench')`, [region]);
    await ds.query(
      `INSERT INTO schools (school_id, region_id, name, level, sub_district)
       SELECT 'b-sch-' || i, $1, 'Sekolah ' || i, (ARRAY['SD','SMP','SMA','SMK'])[1 + i % 4], 'Kecamatan ' || (i % 10) FROM generate_series(1, $2) i`,
      [region, schools],
    );
    await ds.query(`INSERT INTO users (user_id, email, name, password_hash, roles, region_ids) VALUES ('u-bench-dinas', 'dinas@bench.mutu.id', 'Dinas', $1, '{district_officer}', $2)`, [
      await bcrypt.hash(DEMO_PASSWORD, 10), [region],
    ]);
    const t0 = Date.now();
    for (let i = 1; i <= schools; i++) {
      for (const p of programsOf(`b-sch-${i}`, region)) {
        await store.append({ streamId: programStreamId(p.id), expectedVersion: 0, commandId: `${p.id}:all`, events: p.events as never, metadata: {}, occurredAt: new Date().toISOString() });
      }
    }
    // Open deadlines of the programs in execution: overdue, within 7 days, later.
    await ds.query(
      `INSERT INTO deadlines (program_id, deadline_key, stage, school_id, budget_year, due_date, owner_role, reminders, escalations, policy_version)
       SELECT 'b-sch-' || i || '-exec', 'execute', 'execute', 'b-sch-' || i, $1, current_date + (i % 30) - 10, 'staff', '[]', '[]', 1 FROM generate_series(1, $2) i`,
      [year, schools],
    );
    const seeded = (Date.now() - t0) / 1000;
    const base = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}`;
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'dinas@bench.mutu.id', password: DEMO_PASSWORD }) });
    const headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
    const url = `${base}/dashboard/region?budgetYear=${year}`;
    const body = await (await fetch(url, { headers })).text();
    const parsed = JSON.parse(body) as { counters: { programs: number; signedOff: number } };
    if (parsed.counters.programs !== 3 * schools || parsed.counters.signedOff !== schools) throw new Error(`unexpected counters ${JSON.stringify(parsed.counters)}`);
    // The same object, serialised per request as the dashboard's answer is: the same bytes on the wire.
    trivialBody = JSON.parse(body);
    const trivialUrl = `http://127.0.0.1:${(trivialApp.getHttpServer().address() as { port: number }).port}/trivial`;
    const trivialLength = (await (await fetch(trivialUrl)).arrayBuffer()).byteLength;

    await latencies(url, headers, 16);
    await latencies(trivialUrl, {}, 16);
    const d: number[] = [];
    const u: number[] = [];
    const t: number[] = [];
    for (let r = 0; r < 2; r++) {
      d.push(...(await latencies(url, headers, requests / 2)));
      // After a change of the read models (a school renamed) the answer is computed again.
      for (let k = 0; k < 5; k++) {
        await ds.query(`UPDATE schools SET name = name || '.' WHERE school_id = 'b-sch-1'`);
        u.push(...(await latencies(url, headers, CLIENTS)));
      }
      t.push(...(await latencies(trivialUrl, headers, requests / 2)));
    }
    const p95 = percentile(d, 95);
    const uncachedP95 = percentile(u, 95);
    const trivialP95 = percentile(t, 95);
    const rows: BenchRow[] = [
      { name: `GET /dashboard/region, ${schools} schools × 3 programs, ${CLIENTS} clients: p95`, value: p95, unit: 'ms', baseline: { name: `trivial route, same ${body.length}-byte body, p95`, value: trivialP95 }, target: '≤ 2× trivial', pass: p95 <= 2 * trivialP95 },
      { name: 'GET /dashboard/region p50', value: percentile(d, 50), unit: 'ms', baseline: { name: 'trivial route p50', value: percentile(t, 50) } },
      { name: `right after a change of the read models (${CLIENTS} clients at once, computed again): p95`, value: uncachedP95, unit: 'ms', baseline: { name: 'trivial route p95', value: trivialP95 } },
    ];
    report('dashboard', rows, {
      schools, programs: 3 * schools, clients: CLIENTS, requests, bodyBytes: body.length, trivialBodyBytes: trivialLength, seededSeconds: seeded,
      method: 'API in the bench process against a provisioned PostgreSQL; alternating rounds of both routes; the machine was shared with other jobs',
    });
  } finally {
    await trivialApp.close();
    await api.close();
    await env.stop();
  }
}
