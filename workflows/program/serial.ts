/**
 * Runs async handlers one at a time, in arrival order. Update validators see the state before a
 * running handler finishes, so handlers decide again under this lock.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  };
}
