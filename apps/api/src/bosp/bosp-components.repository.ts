import { Inject, Injectable } from '@nestjs/common';
import type { BospComponent } from '@mutu/domain';
import { DataSource } from 'typeorm';

export interface BospComponentListView {
  budgetYear: number;
  /** The regulation the list comes from; null when the year has no list. */
  source: string | null;
  components: BospComponent[];
  updatedBy: string | null;
  updatedAt: string | null;
}

interface Row {
  budget_year: number;
  source: string;
  components: BospComponent[];
  updated_by: string;
  updated_at: Date;
}

/** `bosp_component_lists`: one list per budget year (seeded for 2024–2025, set by admins). */
@Injectable()
export class BospComponentsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async get(budgetYear: number): Promise<BospComponentListView> {
    const rows: Row[] = await this.ds.query('SELECT * FROM bosp_component_lists WHERE budget_year = $1', [budgetYear]);
    const row = rows[0];
    if (!row) return { budgetYear, source: null, components: [], updatedBy: null, updatedAt: null };
    return { budgetYear, source: row.source, components: row.components, updatedBy: row.updated_by, updatedAt: row.updated_at.toISOString() };
  }

  /** The codes of the year's list, or undefined when the year has none (then nothing is checked against it). */
  async codesFor(budgetYear: number): Promise<string[] | undefined> {
    const list = await this.get(budgetYear);
    return list.source === null ? undefined : list.components.map((c) => c.code);
  }

  async put(budgetYear: number, source: string, components: BospComponent[], by: string): Promise<BospComponentListView> {
    await this.ds.query(
      `INSERT INTO bosp_component_lists (budget_year, source, components, updated_by, updated_at) VALUES ($1, $2, $3::jsonb, $4, now())
       ON CONFLICT (budget_year) DO UPDATE SET source = EXCLUDED.source, components = EXCLUDED.components,
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [budgetYear, source, JSON.stringify(components.map(({ code, name }) => ({ code, name }))), by],
    );
    return this.get(budgetYear);
  }
}
