import { DEFAULT_DEADLINE_POLICY, DeadlinePolicySchema, type DeadlinePolicy, type DeadlinePolicyInput } from '@mutu/calendar';
import type { DataSource, EntityManager } from 'typeorm';

export interface StoredDeadlinePolicy {
  policy: DeadlinePolicy;
  regionId: string | null;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

/**
 * Deadline policies are data, versioned: a new version never changes an old one, and a running
 * program keeps the version it started with (carried by its workflow).
 */
export class DeadlinePoliciesRepository {
  /** Versions are immutable once stored, so they can be kept in memory. */
  private readonly versions = new Map<number, DeadlinePolicy>();
  private defaultStored = false;

  constructor(private readonly ds: DataSource) {}

  /**
   * The newest version in force for a region: its own newest, else the newest without a region.
   * Stores the built-in default as version 1 when none exists yet.
   */
  async latest(regionId?: string): Promise<DeadlinePolicy> {
    await this.ensureDefault();
    const rows: { policy: unknown }[] = await this.ds.query(
      'SELECT policy FROM deadline_policies WHERE region_id IS NULL OR region_id = $1 ORDER BY (region_id IS NULL), version DESC LIMIT 1',
      [regionId ?? null],
    );
    return DeadlinePolicySchema.parse(rows[0].policy);
  }

  /** Every version set for a region, newest first (empty when it follows the general one). */
  async ofRegion(regionId: string): Promise<StoredDeadlinePolicy[]> {
    await this.ensureDefault();
    const rows: { policy: unknown; note: string | null; created_by: string; created_at: Date }[] = await this.ds.query(
      'SELECT policy, note, created_by, created_at FROM deadline_policies WHERE region_id = $1 ORDER BY version DESC',
      [regionId],
    );
    return rows.map((r) => ({ policy: DeadlinePolicySchema.parse(r.policy), regionId, note: r.note, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString() }));
  }

  async get(version: number): Promise<DeadlinePolicy | null> {
    const cached = this.versions.get(version);
    if (cached) return cached;
    await this.ensureDefault();
    const rows: { policy: unknown }[] = await this.ds.query('SELECT policy FROM deadline_policies WHERE version = $1', [version]);
    if (!rows[0]) return null;
    const policy = DeadlinePolicySchema.parse(rows[0].policy);
    this.versions.set(version, policy);
    return policy;
  }

  /** Stores a policy as the next version (of a region when given) and returns it (its `version` field is overwritten). */
  async publish(input: Omit<DeadlinePolicyInput, 'version'>, createdBy: string, note?: string, regionId?: string): Promise<DeadlinePolicy> {
    await this.ensureDefault();
    return this.ds.transaction((tx) => publishDeadlinePolicy(tx, input, createdBy, note, regionId));
  }

  private async ensureDefault(): Promise<void> {
    if (this.defaultStored) return;
    await this.ds.query(
      `INSERT INTO deadline_policies (version, policy, note) VALUES ($1, $2::jsonb, 'built-in default') ON CONFLICT (version) DO NOTHING`,
      [DEFAULT_DEADLINE_POLICY.version, JSON.stringify(DEFAULT_DEADLINE_POLICY)],
    );
    this.defaultStored = true;
  }
}

/**
 * Inserts the next version inside the caller's transaction (the admin action appends its event in
 * the same one). The table lock serializes concurrent publishers on the version number.
 */
export async function publishDeadlinePolicy(
  tx: Pick<EntityManager, 'query'>,
  input: Omit<DeadlinePolicyInput, 'version'>,
  createdBy: string,
  note?: string,
  regionId?: string,
): Promise<DeadlinePolicy> {
  await tx.query('LOCK TABLE deadline_policies IN EXCLUSIVE MODE');
  // Version 1 is the built-in default, whether or not a reader stored it yet.
  const [{ v }] = await tx.query('SELECT GREATEST(COALESCE(max(version), 0), $1) + 1 AS v FROM deadline_policies', [DEFAULT_DEADLINE_POLICY.version]);
  const policy = DeadlinePolicySchema.parse({ ...input, version: Number(v) });
  await tx.query('INSERT INTO deadline_policies (version, policy, note, created_by, region_id) VALUES ($1, $2::jsonb, $3, $4, $5)', [
    policy.version,
    JSON.stringify(policy),
    note ?? null,
    createdBy,
    regionId ?? null,
  ]);
  return policy;
}
