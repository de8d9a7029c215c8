import { Inject, Injectable } from '@nestjs/common';
import { hasRole, type Actor } from '@mutu/domain';
import { CheckpointRepository, verifyStore, type StoredEvent } from '@mutu/persistence';
import { DataSource } from 'typeorm';
import { ADMIN_STREAM, GovernanceLog } from './governance-log';
import type { GovernanceTimelineQuery } from './governance.schemas';
import { describeGovernanceEvent } from './governance.texts';


/** Admins and national auditors (no region scope) see every region; others the regions they are scoped to. */
function regionScope(actor: Actor): string[] | undefined {
  return hasRole(actor, 'admin') || (hasRole(actor, 'auditor') && actor.regionIds.length === 0 && actor.schoolIds.length === 0)
    ? undefined
    : actor.regionIds;
}

function concerns(e: StoredEvent, regions: readonly string[] | undefined): boolean {
  if (!regions) return true;
  const d = e.data as { regions?: string[]; regionId?: string };
  const touched = d.regions ?? (d.regionId ? [d.regionId] : []);
  // National changes (collective leave, unscoped users) concern every region.
  return touched.length === 0 || touched.some((r) => regions.includes(r));
}

/** The auditor's view of governance: admin actions and approval policy changes, who, what, when. */
@Injectable()
export class GovernanceTimelineUseCase {
  constructor(
    @Inject(GovernanceLog) private readonly log: GovernanceLog,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  async execute(actor: Actor, q: GovernanceTimelineQuery) {
    const regions = regionScope(actor);
    const streams = await this.log.streams(regions);
    const events = (await Promise.all(streams.map((s) => this.log.read(s)))).flat().filter((e) => concerns(e, regions));
    events.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : Number(a.position) - Number(b.position)));
    const ids = [...new Set(events.map((e) => (e.data as { by?: string }).by).filter((x): x is string => !!x))];
    const users: { user_id: string; name: string }[] = ids.length ? await this.ds.query('SELECT user_id, name FROM users WHERE user_id = ANY($1::text[])', [ids]) : [];
    const names = new Map(users.map((u) => [u.user_id, u.name]));
    return {
      streams,
      entries: events.map((e) => {
        const data = e.data as Record<string, unknown> & { by?: string; role?: string };
        const who = data.by ? { userId: data.by, name: names.get(data.by) ?? data.by, role: data.role ?? null } : null;
        const what = describeGovernanceEvent(e.type, data, q.lang);
        return { streamId: e.streamId, version: e.version, at: e.occurredAt, type: e.type, who, what, text: `${who?.name ?? ''} ${what}`.trim(), data: e.data, hash: e.hash };
      }),
    };
  }
}

/**
 * Recomputes each governance stream's hash chain and holds it against the latest checkpoint's
 * heads (the checkpoint's own signature is verified by the program audit and `mutu audit verify`).
 */
@Injectable()
export class VerifyGovernanceUseCase {
  constructor(
    @Inject(GovernanceLog) private readonly log: GovernanceLog,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  async execute(actor: Actor) {
    const streams = await this.log.streams(regionScope(actor));
    const latest = await new CheckpointRepository(this.ds).latest();
    const reports = [];
    for (const streamId of streams) {
      const r = await verifyStore(this.ds, { streamId, checkpoints: latest ? [latest] : [] });
      reports.push({ streamId, ok: r.ok && r.checkpointProblems.length === 0, events: r.events, breaks: r.breaks, checkpointProblems: r.checkpointProblems });
    }
    return { ok: reports.every((r) => r.ok), adminStream: ADMIN_STREAM, streams: reports };
  }
}
