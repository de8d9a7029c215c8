import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { CONFIG, type Config } from '@mutu/config';
import { PROGRAMS_CHANGED_CHANNEL, setBounded } from '@mutu/persistence';
import { Client } from 'pg';

const MAX_PAGES = 500;
const RELISTEN_MS = 2_000;

export interface ProgramListCacheStats {
  /** PROGRAM_LIST_CACHE_MS is above 0 (and there is a database to listen to). */
  enabled: boolean;
  /** Whether pages are kept: only while the API hears PostgreSQL's change announcements. */
  listening: boolean;
  pages: number;
  hits: number;
  misses: number;
  /** Times the pages were dropped (a change announced or made here, the listener lost or back). */
  drops: number;
}

/**
 * GET /programs pages (their JSON text) kept in memory for PROGRAM_LIST_CACHE_MS. Correctness
 * comes from PostgreSQL, not from the clock: every change to `programs` is announced on
 * PROGRAMS_CHANGED_CHANNEL (an append's by the event store right after its commit, any other
 * writer's by a trigger as it commits), a dedicated connection listens, and each announcement
 * drops every page. Commands sent through this API drop them too, before their answer goes out, so
 * a client sees its own change in the next list. While the listener is not connected nothing is
 * kept. A page loaded while a drop happened is not kept either (it may predate the change). The
 * time limit bounds what the clock changes (whether a due date has passed, near midnight) and the
 * one change nobody announces: a worker killed between an append's commit and its announcement.
 */
@Injectable()
export class ProgramListCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ProgramListCache.name);
  private readonly pages = new Map<string, { body: string; storedAt: number }>();
  private readonly maxAgeMs: number;
  private readonly url: string | undefined;
  private listener: Client | undefined;
  private relisten: NodeJS.Timeout | undefined;
  private stopped = false;
  private generation = 0;
  private readonly counts = { hits: 0, misses: 0, drops: 0 };

  constructor(@Inject(CONFIG) config: Config) {
    this.maxAgeMs = config.PROGRAM_LIST_CACHE_MS;
    this.url = config.DATABASE_URL;
  }

  onModuleInit(): void {
    if (this.maxAgeMs > 0 && this.url) void this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.relisten);
    const listener = this.listener;
    this.listener = undefined;
    this.drop();
    await listener?.end().catch(() => undefined);
  }

  /** The page for `key`: from memory when it is there and fresh, else from `load` (and kept). */
  async read(key: string, load: () => Promise<string>): Promise<string> {
    if (!this.listener) return load();
    const kept = this.pages.get(key);
    if (kept && Date.now() - kept.storedAt < this.maxAgeMs) {
      this.counts.hits += 1;
      return kept.body;
    }
    this.counts.misses += 1;
    const generation = this.generation;
    const body = await load();
    if (this.listener && generation === this.generation) setBounded(this.pages, key, { body, storedAt: Date.now() }, MAX_PAGES);
    return body;
  }

  /** Drops every page: programs changed (or may have). */
  drop(): void {
    this.generation += 1;
    this.counts.drops += 1;
    this.pages.clear();
  }

  stats(): ProgramListCacheStats {
    return { enabled: this.maxAgeMs > 0 && this.url !== undefined, listening: this.listener !== undefined, pages: this.pages.size, ...this.counts };
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'mutu-api-programs-listener' });
    let lost = false;
    const onLost = (e?: unknown) => {
      if (lost) return;
      lost = true;
      if (this.listener === client) {
        this.listener = undefined;
        this.drop();
        this.logger.warn(`stopped hearing program changes${e ? ` (${(e as Error).message})` : ''}: GET /programs reads PostgreSQL until they are heard again`);
      }
      void client.end().catch(() => undefined);
      if (!this.stopped) this.relisten = setTimeout(() => void this.listen(), RELISTEN_MS).unref();
    };
    client.on('notification', () => this.drop());
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${PROGRAMS_CHANGED_CHANNEL}`);
    } catch (e) {
      onLost(e);
      return;
    }
    if (this.stopped || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    // Changes made while nobody listened were not heard: start from nothing.
    this.drop();
    this.listener = client;
  }
}
