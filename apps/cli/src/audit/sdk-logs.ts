import { DefaultLogger, Runtime } from '@temporalio/worker';

/**
 * The Temporal SDK's lines during a replay, on stderr and from WARN up: its INFO lines (a replay
 * worker's state changes) are noise, and its core would otherwise print to stdout, which keeps
 * only the results. Once per process, before the first replay worker.
 */
export function quietSdkLogs(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } } });
  } catch {
    // Already installed (a second replay in the same process): keep it.
  }
}
