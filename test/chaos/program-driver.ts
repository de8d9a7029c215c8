// One program's whole lifecycle over HTTP, the steps of the e2e lifecycle suite with a plan of 2–5
// activities, a rejected plan revised and resubmitted, evidence for each activity and a committee
// quorum. Every step must end in its expected answer: anything else is the run's failure.
import { EMAIL, PNG_BYTES, REPORT_SECTIONS, SCHOOL, evidenceForm, plan as basePlan } from '../e2e/api-helpers';
import type { ChaosAnswer, ChaosClient } from './chaos-client';
import { between, type Rng } from './rng';

/** What the event stream of a closed program must hold, counted by event type. */
export interface ExpectedProgram {
  programId: string;
  activities: number;
}

export function chaosPlan(activities: number) {
  const base = basePlan().activities[0];
  return {
    ...basePlan(),
    activities: Array.from({ length: activities }, (_, i) => ({
      ...base,
      id: `act-${i + 1}`,
      title: `${base.title} ${i + 1}`,
      budget: { ...base.budget, amount: 1_000_000 + i * 250_000 },
    })),
  };
}

export async function driveProgram(client: ChaosClient, rng: Rng, n: number): Promise<ExpectedProgram> {
  const activities = between(rng, 2, 5);
  const think = () => new Promise((r) => setTimeout(r, between(rng, 0, 150)));
  const created = await client.send(EMAIL.principal, 'POST', '/programs', () => ({
    schoolId: SCHOOL,
    budgetYear: 2026,
    title: `Chaos ${n}: literasi kelas awal`,
    plan: chaosPlan(activities),
  }));
  expectStatus(created, 201, `create program ${n}`);
  const programId = String(created.body.programId);
  const step = async (email: string, method: string, path: string, body: () => unknown, status = 200): Promise<ChaosAnswer> => {
    await think();
    const answer = await client.send(email, method, `/programs/${programId}${path}`, body, programId);
    expectStatus(answer, status, `${method} ${path} of ${programId}`);
    return answer;
  };
  const empty = () => ({});

  await step(EMAIL.principal, 'POST', '/plan/submit', empty);
  await step(EMAIL.supervisor, 'POST', '/plan/decision', () => ({ decision: 'reject', reason: 'Indikator belum terukur' }));
  await step(EMAIL.qa, 'PUT', '/plan', () => ({ plan: { ...chaosPlan(activities), indicators: ['85% siswa membaca lancar'] } }));
  await step(EMAIL.principal, 'POST', '/plan/submit', empty);
  expectStage(await step(EMAIL.supervisor, 'POST', '/plan/decision', () => ({ decision: 'approve', reason: 'Rencana sesuai' })), 'assign');

  for (let i = 1; i <= activities; i++) {
    await step(EMAIL.principal, 'POST', `/activities/act-${i}/assignment`, () => ({ personInCharge: 'u-staff', participants: ['u-qa'] }));
  }
  expectStage(await step(EMAIL.principal, 'POST', '/assignments/confirm', empty), 'execute');
  for (let i = 1; i <= activities; i++) {
    await step(EMAIL.staff, 'POST', `/activities/act-${i}/start`, empty);
    await step(EMAIL.staff, 'POST', `/activities/act-${i}/evidence`, () => evidenceForm(PNG_BYTES, `foto-${i}.png`), 201);
    await step(EMAIL.staff, 'POST', `/activities/act-${i}/complete`, () => ({
      actualStart: '2026-03-05',
      actualEnd: '2026-03-06',
      realisedCost: 900_000 + i,
      outcome: `Kegiatan ${i} terlaksana.`,
    }));
  }

  expectStage(await step(EMAIL.qa, 'POST', '/documentation/complete', empty), 'document');
  expectStage(await step(EMAIL.supervisor, 'POST', '/documentation/decision', () => ({ decision: 'approve' })), 'report');
  await step(EMAIL.qa, 'PUT', '/report', () => ({ sections: REPORT_SECTIONS }));
  await step(EMAIL.principal, 'POST', '/report/submit', empty);
  const read = await client.send(EMAIL.committee1, 'GET', `/programs/${programId}/report.html`);
  expectStatus(read, 200, `report.html of ${programId}`);
  const sign = () => ({ decision: 'approve', reportVersion: Number(read.headers.get('x-report-version')), reportSha256: read.headers.get('x-report-sha256') });
  await step(EMAIL.committee1, 'POST', '/report/sign', sign);
  await step(EMAIL.committee2, 'POST', '/report/sign', sign);
  expectStage(await step(EMAIL.principal, 'POST', '/close', empty), 'closed');
  return { programId, activities };
}

function expectStatus(answer: ChaosAnswer, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`);
}

function expectStage(answer: ChaosAnswer, stage: string): void {
  if (answer.body?.stage !== stage) throw new Error(`expected stage ${stage}, got ${String(answer.body?.stage)} ${JSON.stringify(answer.body).slice(0, 300)}`);
}
