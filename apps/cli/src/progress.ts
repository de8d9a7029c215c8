import { Presets, SingleBar } from 'cli-progress';

/** Progress of one piece of long work, shown on stderr so that stdout keeps only the results. */
export interface Progress {
  /** `done` items so far; `total` when known (it may change, e.g. from an estimate); `step` names a stage. */
  update(done: number, total?: number, step?: string): void;
  /** Ends the bar (idempotent); nothing is written after it. */
  stop(): void;
}

export interface ProgressOptions {
  /** What is being done: "verifying", "replaying"… */
  label: string;
  /** What is counted: "events", "programs", "steps". */
  unit: string;
  /** Stages rather than items: no rate, and no plain lines off a terminal (a few steps, each short). */
  steps?: boolean;
  /** Off a terminal and without a total ahead of the count, a line every this many items. */
  everyItems?: number;
  stream?: NodeJS.WriteStream;
  /** Defaults to whether `stream` is a terminal. */
  tty?: boolean;
  now?: () => number;
}

const count = (n: number) => Math.round(n).toLocaleString('en');

/** Items per second over `elapsedMs`, as the bar and the plain lines print it. */
export function rateOf(done: number, elapsedMs: number): string {
  return count(elapsedMs > 0 ? (done * 1000) / elapsedMs : done);
}

/**
 * On a terminal, a bar redrawn in place (cli-progress) with counts, percentage, rate and ETA.
 * Elsewhere (a pipe, a log file, CI) plain lines without carriage returns or escape codes: the
 * first, one at each tenth of the total (or every `everyItems` while the count is past an
 * estimated total), then a last one with the total time and rate.
 */
export function progress(opts: ProgressOptions): Progress {
  const stream = opts.stream ?? process.stderr;
  const tty = opts.tty ?? Boolean(stream.isTTY);
  if (tty) return terminalBar(stream, opts);
  return opts.steps ? { update: () => undefined, stop: () => undefined } : plainLines(stream, opts);
}

function terminalBar(stream: NodeJS.WriteStream, opts: ProgressOptions): Progress {
  const now = opts.now ?? Date.now;
  const rate = opts.steps ? '' : ` | {rate} ${opts.unit}/s | eta {remaining}`;
  const bar = new SingleBar(
    {
      stream,
      format: `${opts.label} [{bar}] {percentage}% | {value}/{total} ${opts.unit}${rate} | {duration_formatted}{step}`,
      formatValue: (v, _o, type) => (type === 'value' || type === 'total' ? count(Number(v)) : String(v)),
      barsize: 30,
      // The run's own output follows the bar; the final state of the bar stays as a record.
      clearOnComplete: false,
      hideCursor: true,
      gracefulExit: true,
    },
    Presets.shades_classic,
  );
  // Rates count from when the work began, not from its first report.
  const began = now();
  let started = false;
  let stopped = false;
  return {
    update(done, total, step) {
      if (stopped) return;
      const elapsed = now() - began;
      const goal = Math.max(total ?? (started ? bar.getTotal() : done), done, 1);
      // The ETA from the rate so far (cli-progress's own starts at infinity and prints it cut short).
      const eta = done > 0 && elapsed > 0 ? `${Math.ceil(((goal - done) * elapsed) / done / 1000)}s` : '…';
      const payload = { rate: rateOf(done, elapsed), remaining: eta, step: step ? ` | ${step}` : '' };
      if (!started) {
        started = true;
        bar.start(Math.max(total ?? 0, done, 1), done, payload);
      } else if (total !== undefined) {
        bar.setTotal(Math.max(total, done, 1));
      }
      bar.update(done, payload);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (started) bar.stop();
    },
  };
}

function plainLines(stream: NodeJS.WriteStream, opts: ProgressOptions): Progress {
  const now = opts.now ?? Date.now;
  const every = opts.everyItems ?? 10_000;
  const began = now();
  let started = false;
  let total = 0;
  let done = 0;
  let printedTenth = -1;
  let printedAt = 0;
  let stopped = false;
  const line = (text: string) => stream.write(`${opts.label}: ${text}\n`);
  return {
    update(d, t) {
      if (stopped) return;
      const first = !started;
      started = true;
      done = d;
      if (t !== undefined) total = t;
      // A total at or below the count is an estimate that has run out: count items instead.
      const known = total > done;
      const tenth = known ? Math.floor((done * 10) / total) : printedTenth;
      if (!first && (known ? tenth <= printedTenth : done - printedAt < every)) return;
      printedTenth = Math.max(printedTenth, tenth);
      printedAt = done;
      const of = known ? `/${count(total)} ${opts.unit} (${Math.floor((done * 100) / total)}%)` : ` ${opts.unit}`;
      line(`${count(done)}${of}, ${rateOf(done, now() - began)} ${opts.unit}/s`);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (!started) return;
      const elapsed = now() - began;
      line(`done: ${count(done)} ${opts.unit} in ${(elapsed / 1000).toFixed(1)} s, ${rateOf(done, elapsed)} ${opts.unit}/s`);
    },
  };
}
