import { progress } from './progress';

/** A stream that keeps what is written, as a pipe or a log file would receive it. */
function captured(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = { isTTY, columns: 120, write: (s: string) => (chunks.push(s), true), on: () => stream, removeListener: () => stream } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join('') };
}

describe('progress off a terminal', () => {
  it('prints one plain line at each tenth of a known total, then the total time and rate', () => {
    const out = captured(false);
    let now = 0;
    const bar = progress({ label: 'verifying', unit: 'events', everyItems: 50_000, stream: out.stream, now: () => now });
    for (let done = 0; done <= 200_000; done += 5_000) {
      now = done / 50; // 50 events per millisecond: 50,000 events/s
      bar.update(done, 200_000);
    }
    bar.stop();
    const lines = out.text().trimEnd().split('\n');
    expect(lines[1]).toBe('verifying: 20,000/200,000 events (10%), 50,000 events/s');
    expect(lines).toHaveLength(1 + 9 + 1); // 0 %, each tenth up to 90 %, the closing line
    expect(lines[lines.length - 1]).toBe('verifying: done: 200,000 events in 4.0 s, 50,000 events/s');
    expect(out.text()).not.toContain('\r');
    expect(out.text()).not.toContain('\u001b');
  });

  it('counts items every N when the total is an estimate the count has passed', () => {
    const out = captured(false);
    const bar = progress({ label: 'verifying', unit: 'events', stream: out.stream, everyItems: 1_000, now: () => 1_000 });
    for (let done = 400; done <= 3_000; done += 400) bar.update(done, done); // the store's estimate trails the count
    const lines = out.text().trimEnd().split('\n');
    expect(lines.map((l) => l.replace(/,.*$/, ''))).toEqual(['verifying: 400 events', 'verifying: 1', 'verifying: 2']);
    expect(lines[1]).toMatch(/^verifying: 1,600 events, /);
  });

  it('says nothing for a few stages, and nothing at all when no work was reported', () => {
    const out = captured(false);
    const steps = progress({ label: 'importing', unit: 'steps', steps: true, stream: out.stream });
    steps.update(1, 3, 'checking rows');
    steps.stop();
    const idle = progress({ label: 'replaying', unit: 'runs', stream: out.stream });
    idle.stop();
    expect(out.text()).toBe('');
  });
});

describe('progress on a terminal', () => {
  it('redraws one bar in place with counts, percentage and rate', () => {
    const out = captured(true);
    let now = 0;
    const bar = progress({ label: 'verifying', unit: 'events', stream: out.stream, now: () => now });
    bar.update(0, 1_000);
    now = 2_000;
    bar.update(500, 1_000);
    bar.stop();
    expect(out.text()).toMatch(/verifying \[[^\]]+\] 50% \| 500\/1,000 events \| 250 events\/s/);
    expect(out.text()).toContain('\n');
  });
});
