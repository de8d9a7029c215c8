import type { DataSource } from 'typeorm';
import { startTestStack, type TestStack } from '../support/stack';
import { EMAIL, createProgram, http, loginAll, openDb } from './api-helpers';

async function commandsOf(db: DataSource, programId: string): Promise<number> {
  const rows: { n: string }[] = await db.query('SELECT count(*) AS n FROM commands WHERE stream_id = $1', [`program-${programId}`]);
  return Number(rows[0].n);
}

describe('API concurrency: idempotent retries and racing approvers', () => {
  let stack: TestStack;
  let db: DataSource;
  let t: Record<keyof typeof EMAIL, string>;

  beforeAll(async () => {
    stack = await startTestStack();
    db = await openDb();
    t = await loginAll(stack);
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  async function submitted(): Promise<string> {
    const id = await createProgram(stack, t.principal);
    expect((await http(stack, t.principal, 'POST', `/programs/${id}/plan/submit`, {})).status).toBe(200);
    return id;
  }

  it('20 concurrent identical approvals with one Idempotency-Key record one decision and answer identically', async () => {
    const id = await submitted();
    const before = await commandsOf(db, id);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        http(stack, t.supervisor, 'POST', `/programs/${id}/plan/decision`, { decision: 'approve' }, { 'idempotency-key': 'approve-plan-0001' }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    for (const r of responses) expect(r.body).toEqual(responses[0].body);
    expect(await commandsOf(db, id)).toBe(before + 1);
    const approvals: { n: string }[] = await db.query(`SELECT count(*) AS n FROM events WHERE stream_id = $1 AND type = 'PlanApproved'`, [`program-${id}`]);
    expect(Number(approvals[0].n)).toBe(1);

    const reused = await http(stack, t.supervisor, 'POST', `/programs/${id}/plan/decision`, { decision: 'reject', reason: 'x' }, { 'idempotency-key': 'approve-plan-0001' });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const malformedKey = await http(stack, t.supervisor, 'POST', `/programs/${id}/plan/decision`, { decision: 'approve' }, { 'idempotency-key': 'x' });
    expect(malformedKey.status).toBe(400);
  });

  it('two supervisors approving at once: one approval, the other 409 with a clear code', async () => {
    const id = await submitted();
    const [a, b] = await Promise.all([
      http(stack, t.supervisor, 'POST', `/programs/${id}/plan/decision`, { decision: 'approve' }),
      http(stack, t.supervisor2, 'POST', `/programs/${id}/plan/decision`, { decision: 'approve' }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(['WRONG_STAGE', 'ALREADY_DECIDED']).toContain(loser.body.code);
    const program = await http(stack, t.auditor, 'GET', `/programs/${id}`);
    expect(program.body.state.approvals.filter((x: { stage: string }) => x.stage === 'plan')).toHaveLength(1);
  });
});
