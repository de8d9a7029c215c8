import type { DataSource } from 'typeorm';

/**
 * Announcements (PostgreSQL NOTIFY) sent after a commit instead of inside the transaction.
 *
 * A transaction that notifies takes one lock for the whole cluster at its commit and holds it until
 * the commit is flushed: PostgreSQL keeps the notification queue in commit order that way. Every
 * append to a program stream used to notify in its own transaction (a trigger on `programs`), so the
 * commits of all appends, of every worker and API, queued behind one another and their WAL flushes
 * could not be grouped. Sent afterwards, in a statement of its own, a notification has no write to
 * flush: the lock is held for a moment and the appends commit side by side.
 *
 * Per data source and channel at most one announcement is in flight. An announcement asked for
 * while one is in flight is sent once that one has answered, so several commits share one, and
 * every commit is covered by an announcement sent after it. A process that dies between its commit
 * and the announcement leaves the listeners unaware of that commit: they bound what they keep by
 * time as well (the API's GET /programs pages, PROGRAM_LIST_CACHE_MS). The payload is 'committed'
 * (a trigger's NOTIFY inside a transaction has none), so an operator can tell them apart.
 */
class ChangeAnnouncer {
  private readonly channels = new Map<string, { inFlight: boolean; again: boolean }>();

  constructor(private readonly dataSource: DataSource) {}

  announce(channel: string): void {
    let state = this.channels.get(channel);
    if (!state) this.channels.set(channel, (state = { inFlight: false, again: false }));
    if (state.inFlight) {
      state.again = true;
      return;
    }
    this.send(channel, state);
  }

  private send(channel: string, state: { inFlight: boolean; again: boolean }): void {
    state.inFlight = true;
    state.again = false;
    const sent = this.dataSource.isInitialized ? this.dataSource.query("SELECT pg_notify($1, 'committed')", [channel]) : Promise.resolve();
    // A lost announcement costs a listener at most its time bound; the commit it follows stands.
    void sent.catch(() => undefined).finally(() => {
      state.inFlight = false;
      if (state.again) this.send(channel, state);
    });
  }
}

const announcers = new WeakMap<DataSource, ChangeAnnouncer>();

/** Announces `channel` on `dataSource` after whatever has committed so far (see ChangeAnnouncer). */
export function announceCommitted(dataSource: DataSource, channel: string): void {
  let announcer = announcers.get(dataSource);
  if (!announcer) announcers.set(dataSource, (announcer = new ChangeAnnouncer(dataSource)));
  announcer.announce(channel);
}
