import { dirname, join } from 'node:path';
import { Worker as Thread } from 'node:worker_threads';
import { Worker, type CompiledWorkerOptions, type Logger } from '@temporalio/worker';
import type { WorkflowCreator } from '@temporalio/worker/lib/workflow/interface';
import { ThreadedVMWorkflowCreator, WorkerThreadClient } from '@temporalio/worker/lib/workflow/threaded-vm';
import type { WorkflowBundleWithSourceMapAndFilename } from '@temporalio/worker/lib/workflow/workflow-worker-thread/input';

const sdkWorkflowDir = join(dirname(require.resolve('@temporalio/worker')), 'workflow');

/** Sandbox calls that run only the SDK's own code: made without the per-call watchdog thread. */
export const UNWATCHED_SANDBOX_CALLS = ['concludeActivation', 'dispose', 'initialize', 'initRuntime'];

/**
 * The SDK's workflow thread with two costs per call into the sandbox removed:
 *
 * - Its promise hook. The hook captures a stack trace for every promise workflow code creates (an
 *   Error, its source-mapped frames, a few regular expressions), only to answer the `__stack_trace`
 *   query; a profile of the worker put it at a large share of the workflow thread's CPU per command.
 *   Without it the query answers "stack traces are not enabled on this worker", the SDK's own answer
 *   where promise hooks are missing. Errors thrown by workflow code keep their source-mapped stacks
 *   (that part of the SDK's handlers is kept).
 * - The execution watchdog on calls that run only the SDK's own code. Node enforces a `vm` call's
 *   `timeout` (the SDK's deadlock detection, `isolateExecutionTimeout`) with a native thread created
 *   and joined for that one call: about 100 µs of CPU per call on this project's machines, against
 *   2 µs for the call itself. A command crosses into the sandbox about 16 times (each activation's
 *   `activate`, `tryUnblockConditions` and `concludeActivation`; a new run's `initRuntime`,
 *   `initialize` and `dispose`). Only `activate` and `tryUnblockConditions` run workflow code
 *   (handlers, the workflow function, condition predicates and the microtasks they queue), so only
 *   they keep the watchdog: a workflow stuck in a loop still fails its workflow task after
 *   `isolateExecutionTimeout`. The calls in UNWATCHED_SANDBOX_CALLS run the SDK's bookkeeping (and
 *   the bundle's module initialisation, which has no loops). A call the list does not name,
 *   including any the SDK adds later, keeps the watchdog.
 */
const THREAD_WITHOUT_PROMISE_STACKS = `
const { globalHandlers } = require(${JSON.stringify(join(sdkWorkflowDir, 'vm-shared.js'))});
globalHandlers.setPromiseHook = function () {};
const vm = require('node:vm');
const UNWATCHED = new Set(${JSON.stringify(UNWATCHED_SANDBOX_CALLS)});
const runInContext = vm.Script.prototype.runInContext;
// The SDK names the sandbox function it calls in the context's __temporal_args before each call.
vm.Script.prototype.runInContext = function (context, options) {
  const call = context && context.__temporal_args;
  if (options && options.timeout !== undefined && Array.isArray(call) && UNWATCHED.has(call[1])) {
    const { timeout, ...rest } = options;
    return runInContext.call(this, context, rest);
  }
  return runInContext.call(this, context, options);
};
require(${JSON.stringify(join(sdkWorkflowDir, 'workflow-worker-thread.js'))});
`;

/**
 * A worker whose workflow threads keep no per-promise stack traces (`WORKFLOW_STACK_TRACES=false`)
 * and watch only the sandbox calls that run workflow code (see above). Everything else is the SDK's
 * threaded sandbox as `Worker` builds it: the same thread pool size, the same init message, the
 * same deadlock timeout. In debug mode (workflows on the main thread) it is the SDK's own creator.
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
