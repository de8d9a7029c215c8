import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Checkpoint } from './checkpoint';

/** The journal's file in the publication directory: one signed checkpoint per line, never rewritten. */
export const CHECKPOINT_JOURNAL = 'checkpoints.jsonl';

/**
 * Publishes a checkpoint outside the database: appended as one JSON line to the journal (opened
 * for append only, synced before returning). Put the directory where the database's owner cannot
 * write (another host's mount, an object-store bucket with retention lock): a copy kept there is
 * what reveals a rewrite or truncation done with the owner's rights.
 */
export function publishCheckpoint(dir: string, c: Checkpoint): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, CHECKPOINT_JOURNAL);
  const fd = openSync(file, 'a', 0o644);
  try {
    writeSync(fd, `${JSON.stringify(c)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return file;
}

/** AUDIT_CHECKPOINT_DIR, else `$DATA_DIR/audit-checkpoints`, relative to the project root. */
export function checkpointJournalDir(config: { AUDIT_CHECKPOINT_DIR?: string; DATA_DIR: string }, projectRoot: string): string {
  return resolve(projectRoot, config.AUDIT_CHECKPOINT_DIR ?? join(config.DATA_DIR, 'audit-checkpoints'));
}

/** Every checkpoint in the journal, oldest first; a torn last line (a crash mid-write) is skipped. */
export function readPublishedCheckpoints(dir: string): Checkpoint[] {
  const file = join(dir, CHECKPOINT_JOURNAL);
  if (!existsSync(file)) return [];
  const out: Checkpoint[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as Checkpoint);
    } catch {
      // only the last line can be incomplete; verification uses the complete ones
    }
  }
  return out;
}

/** The latest published checkpoint, if any. */
export function latestPublishedCheckpoint(dir: string): Checkpoint | undefined {
  const all = readPublishedCheckpoints(dir);
  return all[all.length - 1];
}
