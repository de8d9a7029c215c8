// Reads and writes recorded workflow histories (as JSON) under test/replay/histories.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';

export const HISTORIES_DIR = join(__dirname, 'histories');

export interface RecordedHistory {
  /** File name without extension: `<scenario>.run-<n>`. */
  name: string;
  workflowId: string;
  history: temporal.api.history.v1.IHistory;
}

export function writeHistory(name: string, workflowId: string, history: temporal.api.history.v1.IHistory): string {
  mkdirSync(HISTORIES_DIR, { recursive: true });
  const file = join(HISTORIES_DIR, `${name}.json`);
  // historyToJSON gives Temporal's canonical JSON (the same as `temporal workflow show -o json`).
  const { History } = temporal.api.history.v1;
  // protobufjs's JSON object form: readable, and it round-trips exactly through fromObject. (The
  // SDK's historyToJSON fails here: two protobufjs copies in node_modules disagree on `Type`.)
  const message = History.decode(History.encode(history).finish());
  const body = { workflowId, history: History.toObject(message, { longs: String, enums: String, bytes: String, defaults: false }) };
  writeFileSync(file, JSON.stringify(body, null, 1) + '\n');
  return file;
}

/** Removes the recorded histories a recorder owns (each recorder re-records only its own). */
export function removeHistories(owns: (name: string) => boolean): void {
  let files: string[] = [];
  try {
    files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));
  } catch {
    return;
  }
  for (const f of files) if (owns(f.replace(/\.json$/, ''))) rmSync(join(HISTORIES_DIR, f));
}

export const isCampaignHistory = (name: string): boolean => name.startsWith('campaign-');
/** Runs of code paths no longer recorded (kept so their patches keep replaying); never re-recorded. */
export const isLegacyHistory = (name: string): boolean => name.startsWith('legacy-');

export function readHistories(): RecordedHistory[] {
  let files: string[] = [];
  try {
    files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return files.map((f) => {
    const body = JSON.parse(readFileSync(join(HISTORIES_DIR, f), 'utf8')) as { workflowId: string; history: unknown };
    return { name: f.replace(/\.json$/, ''), workflowId: body.workflowId, history: temporal.api.history.v1.History.fromObject(body.history as object) };
  });
}
