import { createHash } from 'node:crypto';

export interface QueryResult {
  rows: unknown[];
  rowCount: number | null;
  command: string;
}

/** The node-postgres client under TypeORM's pool (only what the append uses). */
export interface PgClient {
  pipeline: boolean;
  connection: { stream: { cork(): void; uncork(): void } };
  query(q: string | { name?: string; text: string; values?: unknown[] }): Promise<QueryResult>;
}

export interface AppendStatement {
  name: string;
  sql: string;
  params: unknown[];
}

/**
 * A write given as the parts of one statement: each part a data-modifying statement (a later part
 * may read an earlier one's RETURNING by its name), run as the CTEs of one statement, so that they
 * can also be CTEs of the append's INSERT. The texts use $1… for `values` and no other `$`.
 */
export interface StatementParts {
  parts: readonly (readonly [name: string, sql: string])[];
  values: unknown[];
}

export type Settled = { failed?: unknown };
export const settle = (p: Promise<unknown>): Promise<Settled> => p.then(() => ({}), (failed: unknown) => ({ failed }));

/**
 * One statement of the parts (a rebuild runs it as it is), their parameters shifted by `offset`,
 * after the CTEs `leading` and before `tail`.
 */
export function partsStatement(w: StatementParts, offset = 0, leading: string[] = [], tail = 'SELECT 1'): string {
  const shift = (sql: string) => (offset === 0 ? sql : sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`));
  return `WITH ${[...leading, ...w.parts.map(([name, sql]) => `${name} AS (${shift(sql)})`)].join(',\n')}\n${tail}`;
}

/** Statement texts given a prepared-statement name; beyond this many, texts are sent unnamed. */
const MAX_NAMED = 256;
const named = new Map<string, string>();

function nameOf(text: string): string | undefined {
  const known = named.get(text);
  if (known !== undefined || named.size >= MAX_NAMED) return known;
  const name = `mutu_tx_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  named.set(text, name);
  return name;
}

type Write = { text: string; values: unknown[] } | StatementParts;
type Parts = StatementParts['parts'];

/** Per parts (their texts are constants) and INSERT statement: the text and name of the two as one statement. */
const combined = new WeakMap<Parts, Map<string, { text: string; name: string | undefined }>>();

function withAppend(parts: Parts, insert: AppendStatement): { text: string; name: string | undefined } {
  let byInsert = combined.get(parts);
  if (!byInsert) combined.set(parts, (byInsert = new Map()));
  let known = byInsert.get(insert.name);
  if (!known) {
    const text = partsStatement({ parts, values: [] }, insert.params.length, [`appended AS (${insert.sql})`], 'SELECT * FROM appended');
    known = { text, name: nameOf(text) };
    byInsert.set(insert.name, known);
  }
  return known;
}

/**
 * The statements of one append, sent on one connection in pipeline mode with as few writes and
 * round trips as possible. The projectors' writes are held until something must go out: a query a
 * projector awaits, or the end. When the projectors wrote once, as statement parts, and read
 * nothing, the whole append is one statement (the INSERT and those parts as its CTEs), atomic
 * without BEGIN and COMMIT. Otherwise BEGIN, the INSERT (with the first write's parts as its CTEs
 * when it has parts), the other writes in order and COMMIT go out together, the socket corked.
 */
export class AppendBatch {
  private readonly held: Write[] = [];
  private opened = false;
  private corked = false;
  private readonly outcomes: Promise<Settled>[] = [];
  private resolveInserted!: () => void;
  /** Settles once the INSERT has answered and `onInserted` has its rows (or the INSERT failed). */
  readonly inserted = new Promise<void>((resolve) => {
    this.resolveInserted = resolve;
  });

  constructor(
    private readonly client: PgClient,
    private readonly insert: AppendStatement,
    private readonly onInserted: (rows: unknown[]) => void,
  ) {}

  /** A write whose answer nobody waits for; a failure is the append's (see `firstFailure`). */
  hold(write: Write): void {
    this.held.push(write);
  }

  /** A query whose answer a projector waits for: everything before it goes out with it. */
  read(text: string, values: unknown[]): Promise<QueryResult> {
    this.open();
    const answer = this.send(text, values);
    this.uncork();
    return answer;
  }

  /** Sends what is left with COMMIT (or, when nothing was sent yet and it can, as one statement). */
  async commit(): Promise<void> {
    const only = this.held[0];
    if (!this.opened && this.held.length <= 1 && (only === undefined || 'parts' in only)) {
      this.opened = true;
      this.sendInsert(only);
      this.held.length = 0;
      await this.endOfSending();
      return;
    }
    this.open();
    const ended = this.send('COMMIT', undefined, undefined);
    this.outcomes.push(settle(ended));
    await this.endOfSending();
    // COMMIT of a transaction a failed statement aborted answers ROLLBACK: nothing was kept.
    const { command } = await ended;
    if (command !== 'COMMIT') throw new Error(`the append's transaction ended with ${command}`);
  }

  /** Ends the transaction when statements went out (ROLLBACK); throws when that fails. */
  async rollback(): Promise<void> {
    if (!this.opened) return;
    const answer = this.send('ROLLBACK', undefined, undefined);
    this.uncork();
    await answer;
  }

  /** The first failure, in the order the statements were sent: a later one fails because of it. */
  async firstFailure(): Promise<unknown> {
    return (await Promise.all(this.outcomes)).find((r) => 'failed' in r)?.failed;
  }

  /** Writes out what is corked (the connection goes back to the pool as it came). */
  uncork(): void {
    if (!this.corked) return;
    this.corked = false;
    this.client.connection.stream.uncork();
  }

  private async endOfSending(): Promise<void> {
    this.uncork();
    const failed = await this.firstFailure();
    if (failed !== undefined) throw failed;
  }

  /** BEGIN, the INSERT and the held writes, once. */
  private open(): void {
    if (!this.opened) {
      this.opened = true;
      this.outcomes.push(settle(this.send('BEGIN', undefined, undefined)));
      const first = this.held[0];
      this.sendInsert(first !== undefined && 'parts' in first ? (this.held.shift() as StatementParts) : undefined);
    }
    for (const w of this.held.splice(0)) this.outcomes.push(settle('parts' in w ? this.send(partsStatement(w), w.values) : this.send(w.text, w.values)));
  }

  /** The INSERT, on its own or with the parts of `companion` as CTEs of its statement. */
  private sendInsert(companion: StatementParts | undefined): void {
    const both = companion && withAppend(companion.parts, this.insert);
    const answer =
      companion === undefined || both === undefined
        ? this.send(this.insert.sql, this.insert.params, this.insert.name)
        : this.send(both.text, [...this.insert.params, ...companion.values], both.name);
    const rows = answer.then((r) => this.onInserted(r.rows));
    rows.finally(this.resolveInserted).catch(() => undefined);
    this.outcomes.push(settle(rows));
  }

  private send(text: string, values?: unknown[], name = nameOf(text)): Promise<QueryResult> {
    if (!this.corked) {
      this.corked = true;
      this.client.connection.stream.cork();
    }
    return this.client.query(values === undefined && name === undefined ? text : name ? { name, text, values } : { text, values });
  }
}
