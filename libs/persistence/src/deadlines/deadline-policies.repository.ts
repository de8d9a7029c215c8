import { DEFAULT_DEADLINE_POLICY, DeadlinePolicySchema, type DeadlinePolicy, type DeadlinePolicyInput } from '@mutu/calendar';
import type { DataSource } from 'typeorm';

/**
 * Deadline policies are data, versioned: a new version never changes an old one, and a running
 * program keeps the version it started with (carried by its workflow).
 */
export class DeadlinePoliciesRepository {
  /** Versions are immutable once stored, so they can be kept in memory. */
  private readonly versions = new Map<number, DeadlinePolicy>();
  private defaultStored = false;

  constructor(private readonly ds: DataSource) {}

  /** The newest version; stores the built-in default as version 1 when none exists yet. */
  async latest(): Promise<DeadlinePolicy> {
    await this.ensureDefault();
    const rows: { policy: unknown }[] = await this.ds.query('SELECT policy FROM deadline_policies ORDER BY version DESC LIMIT 1');
    return DeadlinePolicySchema.parse(rows[0].policy);
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

  /** Stores a policy as the next version and returns it (its `version` field is overwritten). */
  async publish(input: Omit<DeadlinePolicyInput, 'version'>, createdBy: string, note?: string): Promise<DeadlinePolicy> {
    await this.ensureDefault();
    return this.ds.transaction(async (tx) => {
      await tx.query('LOCK TABLE deadline_policies IN EXCLUSIVE MODE');
      const [{ v }] = await tx.query('SELECT COALESCE(max(version), 0) + 1 AS v FROM deadline_policies');
      const policy = DeadlinePolicySchema.parse({ ...input, version: Number(v) });
      await tx.query('INSERT INTO deadline_policies (version, policy, note, created_by) VALUES ($1, $2::jsonb, $3, $4)', [
        policy.version,
        JSON.stringify(policy),
        note ?? null,
        createdBy,
      ]);
      return policy;
    });
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
