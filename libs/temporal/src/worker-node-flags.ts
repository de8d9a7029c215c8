/**
 * Node flags every worker process starts with (compose's `worker` command, `npm start`, the
 * production topology run as processes, the benchmarks).
 *
 * `--max-semi-space-size=32` (MiB; Node's default is 16): a command allocates short-lived objects
 * (activations, payloads, the folded state and its JSON, the projectors' rows) faster than a 16 MiB
 * young generation is scavenged without promoting many of them, and what is promoted is later
 * marked and swept in the old generation by V8's helper threads. Measured with `npm run bench --
 * api` (docs/capacity.md): the worker's CPU per approval falls by about a quarter, most of it the
 * GC helper threads'. The cost is memory: up to 48 MiB more young generation per isolate (the main
 * thread and the one workflow thread); `npm run bench -- reminders national 5000` measured the
 * worker at 841 MiB with the flag against 693 MiB without. The flag is process-wide, so the
 * workflow thread's isolate takes it too.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
