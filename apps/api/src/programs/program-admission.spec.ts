import { ProgramAdmission } from './program-admission';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ProgramAdmission', () => {
  it('keeps at most the limit of one program in flight and serves the rest in arrival order', async () => {
    const admission = new ProgramAdmission(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const sends = Array.from({ length: 6 }, (_, i) =>
      admission.run('p1', Date.now() + 10_000, async () => {
        running++;
        most = Math.max(most, running);
        order.push(i);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return i;
      }, () => new Error('timeout')),
    );
    await tick();
    expect(order).toEqual([0, 1]);
    // A newcomer arriving while a place is being handed over still queues behind the others.
    releases.shift()!();
    const late = admission.run('p1', Date.now() + 10_000, async () => { order.push(99); return 99; }, () => new Error('timeout'));
    for (let i = 0; i < 20; i++) {
      await tick();
      releases.shift()?.();
    }
    await expect(Promise.all([...sends, late])).resolves.toEqual([0, 1, 2, 3, 4, 5, 99]);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 99]);
    expect(admission.busyPrograms).toBe(0);
  });

  it('does not hold one program back for another', async () => {
    const admission = new ProgramAdmission(1);
    let release!: () => void;
    const first = admission.run('p1', Date.now() + 10_000, () => new Promise<string>((resolve) => { release = () => resolve('p1'); }), () => new Error('timeout'));
    await expect(admission.run('p2', Date.now() + 10_000, async () => 'p2', () => new Error('timeout'))).resolves.toBe('p2');
    release();
    await expect(first).resolves.toBe('p1');
  });

  it('gives up waiting at the deadline with the caller\'s error and leaves the line intact', async () => {
    const admission = new ProgramAdmission(1);
    let release!: () => void;
    const first = admission.run('p1', Date.now() + 10_000, () => new Promise<void>((resolve) => { release = resolve; }), () => new Error('timeout'));
    const waited = admission.run('p1', Date.now() + 30, async () => 'never', () => new Error('busy'));
    await expect(waited).rejects.toThrow('busy');
    const after = admission.run('p1', Date.now() + 10_000, async () => 'after', () => new Error('timeout'));
    release();
    await first;
    await expect(after).resolves.toBe('after');
    expect(admission.busyPrograms).toBe(0);
  });
});
