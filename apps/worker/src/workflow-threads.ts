import { dirname, join } from 'node:path';
import { Worker as Thread } from 'node:worker_threads';
import { Worker, type CompiledWorkerOptions, type Logger } from '@temporalio/worker';
import type { WorkflowCreator } from '@temporalio/worker/lib/workflow/interface';
import { ThreadedVMWorkflowCreator, WorkerThreadClient } from '@temporalio/worker/lib/workflow/threaded-vm';
import type { WorkflowBundleWithSourceMapAndFilename } from '@temporalio/worker/lib/workflow/workflow-worker-thread/input';

const sdkWorkflowDir = join(dirname(require.resolve('@temporalio/worker')), 'workflow');

/**
 * The SDK's workflow thread, started without its promise hook. The hook captures a stack trace for
 * every promise workflow code creates (an Error, its source-mapped frames, a few regular
 * expressions), only to answer the `__stack_trace` query; a profile of the worker put it at a large
 * share of the workflow thread's CPU per command. Without it the query answers "stack traces are not
 * enabled on this worker", the SDK's own answer where promise hooks are missing. Errors thrown by
 * workflow code keep their source-mapped stacks (that part of the SDK's handlers is kept).
 */
const THREAD_WITHOUT_PROMISE_STACKS = `
const { globalHandlers } = require(${JSON.stringify(join(sdkWorkflowDir, 'vm-shared.js'))});
globalHandlers.setPromiseHook = function () {};
require(${JSON.stringify(join(sdkWorkflowDir, 'workflow-worker-thread.js'))});
`;

/**
 * A worker whose workflow threads keep no per-promise stack traces (`WORKFLOW_STACK_TRACES=false`).
 * Everything else is the SDK's threaded sandbox as `Worker` builds it: the same thread pool size,
 * the same init message, the deadlock timeout kept. In debug mode (workflows on the main thread)
 * it is the SDK's own creator.
 */
export class WorkerWithoutPromiseStacks extends Worker {
  protected static override async createWorkflowCreator(
    bundle: WorkflowBundleWithSourceMapAndFilename,
    compiledOptions: CompiledWorkerOptions,
    logger: Logger,
  ): Promise<WorkflowCreator> {
    if (compiledOptions.debugMode) return super.createWorkflowCreator(bundle, compiledOptions, logger);
    const clients = Array.from(
      { length: compiledOptions.workflowThreadPoolSize },
      () => new WorkerThreadClient(new Thread(THREAD_WITHOUT_PROMISE_STACKS, { eval: true }), logger, compiledOptions.patchActivationCallback),
    );
    await Promise.all(
      clients.map((client) =>
        client.send({
          type: 'init',
          workflowBundle: bundle,
          isolateExecutionTimeoutMs: compiledOptions.isolateExecutionTimeoutMs,
          reuseV8Context: compiledOptions.reuseV8Context ?? true,
          registeredActivityNames: new Set(compiledOptions.activities.keys()),
          hasPatchActivationCallback: compiledOptions.patchActivationCallback !== undefined,
        }),
      ),
    );
    return new ThreadedVMWorkflowCreator(clients);
  }
}
