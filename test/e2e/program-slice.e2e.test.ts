import { startTestStack, type TestStack } from '../support/stack';

describe('program vertical slice (HTTP → Temporal → PostgreSQL)', () => {
  let stack: TestStack;
  let token: string;

  beforeAll(async () => {
    stack = await startTestStack();
    token = await stack.login('kepsek@demo.mutu.id');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('creates a program and reads it back from the read model', async () => {
    const created = await fetch(`${stack.baseUrl}/programs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ schoolId: 'sch-sdn-cipinang-01', budgetYear: 2026, title: 'Peningkatan literasi kelas awal' }),
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { programId: string; stage: string; version: number };
    expect(body.stage).toBe('plan');
    expect(body.version).toBe(1);

    const read = await fetch(`${stack.baseUrl}/programs/${body.programId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    const program = (await read.json()) as { programId: string; title: string; schoolId: string };
    expect(program).toMatchObject({ programId: body.programId, title: 'Peningkatan literasi kelas awal', schoolId: 'sch-sdn-cipinang-01' });
  });

  it('refuses a request without a token', async () => {
    const res = await fetch(`${stack.baseUrl}/programs/abc`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers 404 for a school outside the caller scope and records nothing', async () => {
    const res = await fetch(`${stack.baseUrl}/programs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ schoolId: 'sch-sdn-coblong-03', budgetYear: 2026, title: 'x' }),
    });
    expect(res.status).toBe(404);
  });

  it('answers 400 with field paths for a bad body', async () => {
    const res = await fetch(`${stack.baseUrl}/programs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ schoolId: 'sch-sdn-cipinang-01', budgetYear: 'next', extra: 1 }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; issues: { path: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['budgetYear', 'title']));
  });
});
