/**
 * Admission of commands per program within one API replica: at most `limit` of a program's
 * commands are with Temporal at once, the others wait in arrival order.
 *
 * Temporal admits a bounded number of Updates per workflow (history.maxInFlightUpdates). An Update
 * over the limit is refused, and the refusal also clears the server's cached state of that
 * workflow, which drops the workflow task a worker is running at that moment. A program's
 * commands are recorded inside that task (a local activity), so a dropped task means work done
 * twice and a worker holding a task the server no longer knows. Queueing here keeps a burst of
 * commands on one program below the limit instead of letting the server refuse them.
 */
export class ProgramAdmission {
  private readonly programs = new Map<string, { running: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {}

  /**
   * Runs `send` once admitted. Gives up waiting at `deadline` (ms since the epoch) with
   * `onTimeout()`'s error; `send` itself is never cut short.
   */
  async run<T>(programId: string, deadline: number, send: () => Promise<T>, onTimeout: () => Error): Promise<T> {
    const entry = this.programs.get(programId) ?? { running: 0, waiting: [] };
    this.programs.set(programId, entry);
    // A finished command hands its place to the next in line (which then does not count itself),
    // so no newcomer can slip in between.
    if (entry.running >= this.limit) await this.waitTurn(entry, deadline, onTimeout);
    else entry.running++;
    try {
      return await send();
    } finally {
      const next = entry.waiting.shift();
      if (next) next();
      else if (--entry.running === 0) this.programs.delete(programId);
    }
  }

  /** Programs with commands running or waiting (for tests and metrics). */
  get busyPrograms(): number {
    return this.programs.size;
  }

  private waitTurn(entry: { waiting: (() => void)[] }, deadline: number, onTimeout: () => Error): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const at = entry.waiting.indexOf(turn);
        if (at >= 0) entry.waiting.splice(at, 1);
        reject(onTimeout());
      }, Math.max(0, deadline - Date.now()));
      entry.waiting.push(turn);
    });
  }
}
