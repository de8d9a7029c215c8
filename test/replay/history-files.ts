// Reads and writes recorded workflow histories (as JSON) under test/replay/histories:
// - histories/*.json: recorded on the current code by `npm run record-histories` (re-recorded at will);
// - histories/legacy/*.json: runs of older code, never re-recorded. They keep replaying so the
//   branches of the patches they took stay correct (see docs/versioning.md).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';

export const HISTORIES_DIR = join(__dirname, 'histories');
export const LEGACY_HISTORIES_DIR = join(HISTORIES_DIR, 'legacy');

export interface RecordedHistory {
  /** File name without extension: `<scenario>.run-<n>`; legacy ones are prefixed `legacy/`. */
  name: string;
  legacy: boolean;
  workflowId: string;
  history: temporal.api.history.v1.IHistory;
}

export function writeHistory(name: string, workflowId: string, history: temporal.api.history.v1.IHistory): string {
  mkdirSync(HISTORIES_DIR, { recursive: true });
  const file = join(HISTORIES_DIR, `${name}.json`);
  const { History } = temporal.api.history.v1;
  // protobufjs's JSON object form: readable, and it round-trips exactly through fromObject. (The
  // SDK's historyToJSON fails here: two protobufjs copies in node_modules disagree on `Type`.)
  const message = History.decode(History.encode(history).finish());
  const body = { workflowId, history: History.toObject(message, { longs: String, enums: String, bytes: String, defaults: false }) };
  writeFileSync(file, JSON.stringify(body, null, 1) + '\n');
  return file;
}

const jsonFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
};

/** Removes the current histories a recorder owns (each recorder re-records only its own); never legacy ones. */
export function removeHistories(owns: (name: string) => boolean): void {
  for (const f of jsonFiles(HISTORIES_DIR)) if (owns(f.replace(/\.json$/, ''))) rmSync(join(HISTORIES_DIR, f));
}

export const isCampaignHistory = (name: string): boolean => name.startsWith('campaign-');
export const isAuditHistory = (name: string): boolean => name.startsWith('audit-');
export const isDeadlineHistory = (name: string): boolean => name.startsWith('deadlines-');

function readDir(dir: string, legacy: boolean): RecordedHistory[] {
  return jsonFiles(dir).map((f) => {
    const body = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { workflowId: string; history: unknown };
    const name = `${legacy ? 'legacy/' : ''}${f.replace(/\.json$/, '')}`;
    return { name, legacy, workflowId: body.workflowId, history: temporal.api.history.v1.History.fromObject(body.history as object) };
  });
}

/** Every committed history: the current ones, then the legacy ones. */
export function readHistories(): RecordedHistory[] {
  return [...readDir(HISTORIES_DIR, false), ...readDir(LEGACY_HISTORIES_DIR, true)];
}

/** The workflow type a history ran. */
export function workflowTypeOf(h: RecordedHistory): string {
  return h.history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? 'unknown';
}
