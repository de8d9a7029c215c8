// What must hold after the faults, read from PostgreSQL as the owner and from Temporal: each check
// returns the problems it found (none = it holds) and the figures it counted.
import { Connection, Client as TemporalClient } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { CampaignProjector, diffReadModels, EventStore, ProgramProjector, snapshotReadModels, verifyStore } from '@mutu/persistence';
import { messageIdFor } from '@mutu/notifications';
import { commandSuffix, type Accepted } from './chaos-client';
import type { ReceivedMail } from './chaos-topology';
import type { ExpectedProgram } from './program-driver';

export interface CheckResult {
  problems: string[];
  figures: Record<string, number | string>;
}

/** Each user step of the driven lifecycle, counted by the event it records (N = activities). */
function expectedCounts(activities: number): Record<string, number> {
  return {
    ProgramCreated: 1,
    PlanSubmitted: 2,
    PlanRejected: 1,
    PlanEdited: 1,
    PlanApproved: 1,
    ActivityAssigned: activities,
    AssignmentsConfirmed: 1,
    ActivityStarted: activities,
    EvidenceAttached: activities,
    ActivityCompleted: activities,
    DocumentationSubmitted: 1,
    DocumentationApproved: 1,
    ReportEdited: 1,
    ReportSubmitted: 1,
    ReportSigned: 2,
    ProgramClosed: 1,
  };
}

/** Every program closed, in the read model and in Temporal (its workflow completed). */
export async function checkFinalStages(ds: DataSource, temporalAddress: string, programs: ExpectedProgram[]): Promise<CheckResult> {
  const problems: string[] = [];
  const rows: { program_id: string; stage: string }[] = await ds.query('SELECT program_id, stage FROM programs WHERE program_id = ANY($1)', [programs.map((p) => p.programId)]);
  const stage = new Map(rows.map((r) => [r.program_id, r.stage]));
  for (const p of programs) if (stage.get(p.programId) !== 'closed') problems.push(`program ${p.programId} is ${stage.get(p.programId) ?? 'missing'}, not closed`);
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const client = new TemporalClient({ connection, namespace: 'default' });
    // The close is answered once it is recorded; the run ends a workflow task or two later (later
    // still while a restarted dependency recovers): each run gets until the deadline to complete.
    const deadline = Date.now() + 60_000;
    for (const p of programs) {
      const handle = client.workflow.getHandle(`program-${p.programId}`);
      let status = (await handle.describe()).status.name;
      while (status === 'RUNNING' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        status = (await handle.describe()).status.name;
      }
      if (status !== 'COMPLETED') problems.push(`workflow program-${p.programId} is ${status} a minute after the load ended`);
    }
  } finally {
    await connection.close();
  }
  return { problems, figures: { closed: programs.length - problems.length } };
}

/**
 * Nothing lost, nothing duplicated: each 2xx has exactly one command (one event set, its indices
 * 0..n-1, in the program's stream); no stream has a gap; each program holds each step's events
 * exactly as often as the lifecycle asks; and nothing of a user was recorded that no 2xx answered.
 */
export async function checkCommands(ds: DataSource, programs: ExpectedProgram[], accepted: Accepted[]): Promise<CheckResult> {
  const problems: string[] = [];
  const rows: { command_id: string; stream_id: string; n: number; indices: number[]; actor: string }[] = await ds.query(
    `SELECT command_id, stream_id, count(*)::int AS n, array_agg(command_index ORDER BY command_index) AS indices, min(metadata::jsonb->>'actorId') AS actor
       FROM events GROUP BY command_id, stream_id`,
  );
  const bySuffix = new Map<string, typeof rows>();
  for (const r of rows) {
    const suffix = r.command_id.slice(r.command_id.lastIndexOf(':') + 1);
    bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), r]);
  }
  const acceptedSuffixes = new Set<string>();
  let lost = 0;
  let duplicated = 0;
  for (const a of accepted) {
    const suffix = commandSuffix(a.userId, a.key);
    acceptedSuffixes.add(suffix);
    const found = bySuffix.get(suffix) ?? [];
    if (found.length === 0) {
      lost++;
      problems.push(`lost: ${a.method} ${a.path} (key ${a.key}) got a 2xx and recorded nothing`);
    } else if (found.length > 1) {
      duplicated++;
      problems.push(`duplicated: ${a.method} ${a.path} (key ${a.key}) recorded as ${found.map((f) => `${f.command_id} in ${f.stream_id}`).join(', ')}`);
    } else {
      const [f] = found;
      if (f.stream_id !== `program-${a.programId}`) problems.push(`${a.method} ${a.path}: recorded in ${f.stream_id}, not program-${a.programId}`);
      if (f.indices.some((idx, i) => Number(idx) !== i)) problems.push(`${f.command_id}: event indices ${f.indices.join(',')} are not 0..${f.n - 1}`);
    }
  }
  const streams = new Set(programs.map((p) => `program-${p.programId}`));
  for (const r of rows) {
    const suffix = r.command_id.slice(r.command_id.lastIndexOf(':') + 1);
    if (streams.has(r.stream_id) && r.actor !== 'system' && !acceptedSuffixes.has(suffix)) {
      problems.push(`recorded without a 2xx: ${r.command_id} by ${r.actor} in ${r.stream_id}`);
    }
  }
  const gaps: { stream_id: string; n: number; lo: number; hi: number }[] = await ds.query(
    'SELECT stream_id, count(*)::int AS n, min(version) AS lo, max(version) AS hi FROM events GROUP BY stream_id HAVING min(version) <> 1 OR max(version) <> count(*) OR count(DISTINCT version) <> count(*)',
  );
  for (const g of gaps) problems.push(`stream ${g.stream_id}: versions ${g.lo}..${g.hi} for ${g.n} events (a gap or a repeat)`);
  const counts: { stream_id: string; type: string; n: number }[] = await ds.query(
    'SELECT stream_id, type, count(*)::int AS n FROM events WHERE stream_id = ANY($1) GROUP BY stream_id, type',
    [[...streams]],
  );
  for (const p of programs) {
    const mine = new Map(counts.filter((c) => c.stream_id === `program-${p.programId}`).map((c) => [c.type, c.n]));
    for (const [type, n] of Object.entries(expectedCounts(p.activities))) {
      if ((mine.get(type) ?? 0) !== n) problems.push(`program ${p.programId}: ${mine.get(type) ?? 0} × ${type}, expected ${n}`);
    }
    if ((mine.get('ReportSignedOff') ?? 0) > 1) problems.push(`program ${p.programId}: ${mine.get('ReportSignedOff')} × ReportSignedOff`);
  }
  const events = counts.reduce((s, c) => s + c.n, 0);
  return { problems, figures: { commands: accepted.length, events, lost, duplicated, streamGaps: gaps.length } };
}

/** Every chain verifies, and the read models equal what the events rebuild (as `mutu projections rebuild` compares). */
export async function checkChainsAndReadModels(ds: DataSource): Promise<CheckResult> {
  const problems: string[] = [];
  const report = await verifyStore(ds);
  for (const b of report.breaks) problems.push(`chain ${b.streamId} broken at version ${b.version}: ${b.kind} ${b.detail}`);
  const store = new EventStore(ds, [new ProgramProjector(), new CampaignProjector()]);
  const live = await snapshotReadModels(ds);
  await store.rebuildProjections();
  const differences = diffReadModels(live, await snapshotReadModels(ds));
  problems.push(...differences.map((d) => `read model: ${d}`));
  return { problems, figures: { chains: report.streams, chainEvents: report.events, readModelDifferences: differences.length } };
}

/**
 * Reminders, missed deadlines and escalations: one event per key, every outbox row delivered
 * (or cancelled because its stage ended first), each delivered email received, and no outbox
 * key ever received under two Message-IDs.
 */
export async function checkNotifications(ds: DataSource, programs: ExpectedProgram[], mails: ReceivedMail[]): Promise<CheckResult> {
  const problems: string[] = [];
  const ids = programs.map((p) => p.programId);
  const repeated: { stream_id: string; type: string; key: string; n: number }[] = await ds.query(
    `SELECT stream_id, type, data::jsonb->>'stage' || '/' || (data::jsonb->>'kind') || '/' || coalesce(data::jsonb->>'level', '') || '/' || coalesce(data::jsonb->>'dueDate', '') AS key, count(*)::int AS n
       FROM events WHERE type IN ('ReminderIssued', 'DeadlineMissed', 'EscalationRaised') AND stream_id = ANY($1)
      GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    [ids.map((id) => `program-${id}`)],
  );
  for (const r of repeated) problems.push(`${r.stream_id}: ${r.type} ${r.key} recorded ${r.n} times`);
  const [{ n: noticeEvents }] = await ds.query(
    `SELECT count(*)::int AS n FROM events WHERE type IN ('ReminderIssued', 'DeadlineMissed', 'EscalationRaised') AND stream_id = ANY($1)`,
    [ids.map((id) => `program-${id}`)],
  );
  const rows: { program_id: string; stage: string; kind: string; due_date: string; channel: 'email' | 'webhook'; status: string; message_id: string; last_error: string | null; recipient_user_id: string }[] = await ds.query(
    'SELECT program_id, stage, kind, due_date::text, channel, status, message_id, last_error, recipient_user_id FROM notification_outbox WHERE program_id = ANY($1)',
    [ids],
  );
  const received = new Map<string, number>();
  for (const m of mails) received.set(m.messageId, (received.get(m.messageId) ?? 0) + 1);
  const outboxIds = new Set(rows.map((r) => r.message_id));
  let sent = 0;
  let cancelled = 0;
  for (const r of rows) {
    const key = { programId: r.program_id, stage: r.stage, kind: r.kind, dueDate: r.due_date, recipientUserId: r.recipient_user_id, channel: r.channel };
    if (messageIdFor(key) !== r.message_id) problems.push(`outbox ${r.program_id} ${r.kind}: Message-ID ${r.message_id} is not its key's`);
    if (r.status === 'sent') {
      sent++;
      if (r.channel === 'email' && !received.has(r.message_id)) problems.push(`outbox ${r.program_id} ${r.kind} → ${r.recipient_user_id}: sent but never received (${r.message_id})`);
    } else if (r.status === 'dead' && r.last_error === 'stage completed') cancelled++;
    else problems.push(`outbox ${r.program_id} ${r.kind} → ${r.recipient_user_id} (${r.channel}): ${r.status} ${r.last_error ?? ''}`);
  }
  const programMails = mails.filter((m) => outboxIds.has(m.messageId));
  const resent = [...received.entries()].filter(([id, n]) => outboxIds.has(id) && n > 1).length;
  return {
    problems,
    figures: { noticeEvents, outboxRows: rows.length, delivered: sent, cancelledByStageEnd: cancelled, emailsReceived: programMails.length, resentSameMessageId: resent },
  };
}
