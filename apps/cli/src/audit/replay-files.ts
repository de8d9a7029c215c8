// `mutu audit replay --histories <dir>`: replays recorded history files (test/replay/histories, or
// any directory of them) against the current workflow code. No database, no Temporal server.
import { resolve } from 'node:path';
import { describeReplayFailure, historyFiles, readHistoryFile, replayHistories } from '@mutu/temporal/replay';
import { progress, rateOf } from '../progress';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** Reads, then replays, every history under `dir`; prints each failure by file and the rate. */
export async function replayHistoryFiles(dir: string): Promise<boolean> {
  const root = resolve(dir);
  const readStarted = performance.now();
  const histories = historyFiles(root).map((f) => readHistoryFile(f, root));
  if (histories.length === 0) throw new Error(`no .json history files under ${root}`);
  const readMs = performance.now() - readStarted;
  const events = histories.reduce((n, h) => n + (h.history.events?.length ?? 0), 0);
  const bar = progress({ label: 'replaying', unit: 'histories', everyItems: 100 });
  const started = performance.now();
  const failures: string[] = [];
  let replayed = 0;
  try {
    for await (const r of replayHistories(histories, { replayName: 'mutu-audit-replay-files' })) {
      bar.update(++replayed, histories.length);
      if (r.error) failures.push(describeReplayFailure(r));
    }
  } finally {
    bar.stop();
  }
  const replayMs = performance.now() - started;
  for (const f of failures) out(`FAILED  ${f}`);
  out(`${replayed} histories (${events} events) from ${root} replayed in ${Math.round(replayMs)} ms: ${rateOf(replayed, replayMs)} histories/s, ${rateOf(events, replayMs)} events/s (files read in ${Math.round(readMs)} ms); ${failures.length} failed`);
  return failures.length === 0;
}
