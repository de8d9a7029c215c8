import { ApplicationFailure, WorkflowUpdateFailedError, type Client, type WorkflowUpdateHandle } from '@temporalio/client';
import type { Config } from '@mutu/config';
import { ProgramBusyError, updateAcceptedInTime, WorkerUnavailableError } from './command-delivery';

// The retry rules of command delivery, against a client whose answers are scripted: a refused
// admission (the workflow's in-flight Updates at the server's limit) is tried again within the
// accept deadline, then answered 429; an Update the server dropped unprocessed is sent again; a
// missed deadline is 503; anything else is passed on untouched.
const config = { UPDATE_ACCEPT_TIMEOUT_MS: 600 } as Config;
const client = { withDeadline: (_deadline: number, fn: () => Promise<unknown>) => fn() } as unknown as Client;

const grpcError = (code: number) => Object.assign(new Error(`grpc ${code}`), { code });
const accepted = (result: () => Promise<string>) => ({ result }) as unknown as WorkflowUpdateHandle<string>;
const unprocessed = () => new WorkflowUpdateFailedError('dropped', ApplicationFailure.create({ type: 'UnprocessedUpdate', message: 'not processed by worker' }));

describe('updateAcceptedInTime', () => {
  it('tries a refused admission again and answers once admitted', async () => {
    let calls = 0;
    const start = async () => {
      calls++;
      if (calls < 3) throw grpcError(8);
      return accepted(async () => 'outcome');
    };
    await expect(updateAcceptedInTime(client, config, start)).resolves.toBe('outcome');
    expect(calls).toBe(3);
  });

  it('answers 429 PROGRAM_BUSY when the program stays busy until the deadline', async () => {
    const started = Date.now();
    const error = await updateAcceptedInTime(client, config, async () => { throw grpcError(8); }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProgramBusyError);
    expect(error).toMatchObject({ retryAfterSeconds: 1 });
    expect((error as ProgramBusyError).getStatus()).toBe(429);
    expect((error as ProgramBusyError).getResponse()).toMatchObject({ statusCode: 429, code: 'PROGRAM_BUSY' });
    expect(Date.now() - started).toBeLessThan(config.UPDATE_ACCEPT_TIMEOUT_MS + 200);
  });

  it('sends an Update the server dropped unprocessed again, under the same start', async () => {
    let calls = 0;
    const start = async () => {
      calls++;
      return accepted(async () => {
        if (calls === 1) throw unprocessed();
        return 'outcome';
      });
    };
    await expect(updateAcceptedInTime(client, config, start)).resolves.toBe('outcome');
    expect(calls).toBe(2);
  });

  it('answers 503 WORKER_UNAVAILABLE when no worker accepted before the deadline', async () => {
    await expect(updateAcceptedInTime(client, config, async () => { throw grpcError(4); })).rejects.toBeInstanceOf(WorkerUnavailableError);
  });

  it('passes any other failure on untouched', async () => {
    const refusal = new WorkflowUpdateFailedError('refused', ApplicationFailure.create({ type: 'PLAN_NOT_SUBMITTED', message: 'no' }));
    await expect(updateAcceptedInTime(client, config, async () => accepted(async () => { throw refusal; }))).rejects.toBe(refusal);
    const other = grpcError(3);
    await expect(updateAcceptedInTime(client, config, async () => { throw other; })).rejects.toBe(other);
  });
});
