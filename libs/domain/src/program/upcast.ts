// Lifting stored events written under an older schema to the current one. Each upcaster turns
// version n of a type into n + 1; `upcast` chains them and validates the result, so the rest of
// the code only ever sees current events. Adding a version: bump EVENT_VERSIONS[type] and register
// the n → n + 1 step here.
import { EVENT_VERSIONS, type ProgramEvent, type ProgramEventType, eventSchemas } from './program.events';
import { DEFAULT_APPROVAL_POLICY, DEFAULT_TIME_ZONE } from './program.schemas';

export interface RawEvent {
  type: string;
  v: number;
  data: unknown;
}

export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/** upcasters[type][n] lifts data from version n to n + 1. */
export const upcasters: Partial<Record<ProgramEventType, Record<number, Upcaster>>> = {
  // Example and test fixture: a pre-release v0 ProgramCreated had neither a time zone nor an
  // approval policy; those programs ran under the defaults.
  ProgramCreated: {
    0: (data) => ({
      ...data,
      timeZone: typeof data.timeZone === 'string' ? data.timeZone : DEFAULT_TIME_ZONE,
      approvalPolicy: data.approvalPolicy ?? DEFAULT_APPROVAL_POLICY,
    }),
  },
};

function isKnownType(type: string): type is ProgramEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_VERSIONS, type);
}

export function upcast(raw: RawEvent): ProgramEvent {
  if (!isKnownType(raw.type)) throw new Error(`Unknown program event type "${raw.type}"`);
  const target = EVENT_VERSIONS[raw.type];
  if (!Number.isInteger(raw.v) || raw.v > target) {
    throw new Error(`Event ${raw.type} v${raw.v} is newer than this code (v${target})`);
  }
  let data = raw.data as Record<string, unknown>;
  // A current-version event was schema-checked when it was decided and the hash chain guards it
  // since; parsing it again on every fold made audits' asOf and projections slow.
  if (raw.v === target) return { type: raw.type, v: target, data } as ProgramEvent;
  for (let v = raw.v; v < target; v++) {
    const step = upcasters[raw.type]?.[v];
    if (!step) throw new Error(`No upcaster for ${raw.type} v${v} → v${v + 1}`);
    data = step(data);
  }
  return eventSchemas[raw.type].parse({ type: raw.type, v: target, data }) as ProgramEvent;
}
