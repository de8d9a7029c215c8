// A command sent straight to Temporal, past the API, is never recorded: the workflow refuses an
// Update without the API's envelope, and the worker's append activity refuses a forged envelope or
// a real one that does not match the command. Real Temporal dev server, real PostgreSQL.
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { Actor, ProgramCommand } from '@mutu/domain';
import { CommandSigner } from '@mutu/persistence';
import { commandUpdate, programWorkflowId, stateQuery } from '@mutu/workflows';
import { startTestStack, type TestStack } from '../support/stack';
import { envCommandSigner } from '../support/command-signing';
import { createProgram, EMAIL, eventCount, http, loginAll, openDb } from './api-helpers';

const SUPERVISOR: Actor = { userId: 'u-supervisor', name: 'Bapak Bambang Sutrisno', roles: ['supervisor'], schoolIds: [], regionIds: ['reg-jaktim'] };

describe('commands are authenticated end to end', () => {
  let stack: TestStack;
  let db: DataSource;
  let connection: Connection;
  let client: Client;
  let t: Record<keyof typeof EMAIL, string>;
  let programId: string;
  let handle: WorkflowHandle;
  let n = 0;

  beforeAll(async () => {
    stack = await startTestStack();
    db = await openDb();
    connection = await Connection.connect({ address: stack.config.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: stack.config.TEMPORAL_NAMESPACE });
    t = await loginAll(stack);
    programId = await createProgram(stack, t.principal);
    expect((await http(stack, t.principal, 'POST', `/programs/${programId}/plan/submit`, {})).status).toBe(200);
    handle = client.workflow.getHandle(programWorkflowId(programId));
  });

  afterAll(async () => {
    await connection?.close();
    await db?.destroy();
    await stack?.stop();
  });

  const approval = (actor: Actor = SUPERVISOR, payload: object = { decision: 'approve' }) =>
    ({ commandId: `forged-${programId}-${++n}`, type: 'DecidePlan', actor, now: new Date().toISOString(), payload }) as ProgramCommand;

  /** Sends the Update as an attacker with a Temporal client would; answers the refusal's code. */
  async function refusal(command: ProgramCommand, envelope?: unknown): Promise<string | undefined> {
    const args = envelope === undefined ? [command] : [command, envelope];
    try {
      await handle.executeUpdate(commandUpdate(command.type), { args: args as never, updateId: command.commandId });
      return undefined;
    } catch (e) {
      return (e as { cause?: { type?: string } }).cause?.type ?? String(e);
    }
  }

  async function expectNothingRecorded(attempt: () => Promise<string | undefined>, code: string) {
    const before = await eventCount(db, programId);
    expect(await attempt()).toBe(code);
    expect(await eventCount(db, programId)).toBe(before);
    expect(((await handle.query(stateQuery)).state as { stage: string }).stage).toBe('plan');
  }

  it('refuses a supervisor approval sent without an envelope, and records nothing', async () => {
    await expectNothingRecorded(() => refusal(approval()), 'COMMAND_UNSIGNED');
  });

  it('refuses a system command sent as an Update (system commands come only from the workflow itself)', async () => {
    const system: Actor = { userId: 'system', name: 'Mutu', roles: ['system'], schoolIds: [], regionIds: [] };
    const reminder = { commandId: `forged-${programId}-${++n}`, type: 'RecordReminder', actor: system, now: new Date().toISOString(), payload: { stage: 'plan', kind: 'plan:reminder:1', dueDate: '2026-02-01', recipientRole: 'supervisor', offsetWorkingDays: 1 } } as ProgramCommand;
    await expectNothingRecorded(() => refusal(reminder), 'COMMAND_UNSIGNED');
  });

  it('refuses an envelope signed with another key', async () => {
    const command = approval();
    const forged = new CommandSigner(Buffer.from('an attacker key that is 32 bytes long!!')).sign(command);
    await expectNothingRecorded(() => refusal(command, forged), 'COMMAND_SIGNATURE_INVALID');
  });

  it('refuses a real signature replayed with a changed payload, actor or roles', async () => {
    // A genuine envelope, as the API made it for a rejection by the supervisor...
    const rejection = approval(SUPERVISOR, { decision: 'reject', reason: 'Anggaran belum rinci' });
    const envelope = envCommandSigner().sign(rejection);
    // ...sent with an approval in its place,
    await expectNothingRecorded(() => refusal({ ...rejection, payload: { decision: 'approve' } } as ProgramCommand, envelope), 'COMMAND_ENVELOPE_MISMATCH');
    // with another actor holding the supervisor role,
    const other: Actor = { ...SUPERVISOR, userId: 'u-supervisor-2' };
    await expectNothingRecorded(() => refusal({ ...rejection, actor: other } as ProgramCommand, envelope), 'COMMAND_ENVELOPE_MISMATCH');
    // or a committee member's envelope with the supervisor's role added.
    const member: Actor = { userId: 'u-committee-1', name: 'Bapak Hendra Wijaya', roles: ['committee'], schoolIds: ['sch-sdn-cipinang-01'], regionIds: [] };
    const asMember = approval(member);
    const memberEnvelope = envCommandSigner().sign(asMember);
    await expectNothingRecorded(
      () => refusal({ ...asMember, actor: { ...member, roles: ['committee', 'supervisor'] } } as ProgramCommand, memberEnvelope),
      'COMMAND_ENVELOPE_MISMATCH',
    );
  });

  it('still takes the supervisor\'s approval through the API afterwards: nothing was stuck or advanced', async () => {
    const before = await eventCount(db, programId);
    const approved = await http(stack, t.supervisor, 'POST', `/programs/${programId}/plan/decision`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.stage).toBe('assign');
    expect(await eventCount(db, programId)).toBe(before + 2); // PlanApproved, StageAdvanced
    const actors: { actor: string }[] = await db.query(
      `SELECT metadata::json->>'actorId' AS actor FROM events WHERE stream_id = $1 AND type = 'PlanApproved'`,
      [`program-${programId}`],
    );
    expect(actors).toEqual([{ actor: 'u-supervisor' }]);
  });
});
