import pg from 'pg';
import { todayInIran } from '../common/dates';
import type { Logger } from '../server/log';
import type { Viewer } from './viewer';

/** Most callers kept at once. */
const MAX_ENTRIES = 10_000;
/** Wait before listening again after the database connection was lost. */
const RECONNECT_MS = 1_000;

/**
 * The callers (person, memberships, agreements in force) of recent requests, so that a partner
 * system's stream of requests does not read the same rows for each one. Safe only while it hears
 * every change: it listens for NOTIFY pol_policy, which triggers on the policy tables send on every
 * committed change (through any hub instance or plain SQL), and drops everything it holds on each.
 * While it is not listening (starting, database lost) it holds nothing and every request reads
 * the caller afresh. Entries also end after `ttlSeconds` and at midnight in Iran (memberships and
 * agreements are valid by day). A read that began before a change is not kept (generation check).
 * The hub also drops everything after each mutation it runs, without waiting for the notice.
 */
export class ViewerCache {
  private entries = new Map<string, { viewer: Viewer; until: number }>();
  private generation = 0;
  private listening = false;
  private client?: pg.Client;
  private reconnect?: NodeJS.Timeout;
  private stopped = false;
  private readonly listeners = new Set<(table: string | null) => void>();

  constructor(
    private readonly databaseUrl: string,
    private readonly ttlSeconds: number,
    private readonly log: Logger,
  ) {}

  /**
   * Starts listening when callers are kept or another copy follows the notices (`onChange`); never
   * fails the hub (until it listens, nothing is kept).
   */
  start(): void {
    if (this.ttlSeconds > 0 || this.listeners.size > 0) void this.listen();
  }

  get active(): boolean {
    return this.listening;
  }

  /** How many times everything was dropped so far (it grows on every notice and mutation). */
  get drops(): number {
    return this.generation;
  }

  async get(email: string, membershipHeader: string | undefined, load: () => Promise<Viewer>): Promise<Viewer> {
    if (!this.listening || this.ttlSeconds <= 0) return load();
    const key = `${email}\u0000${membershipHeader ?? ''}\u0000${todayInIran()}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.viewer;
    const generation = this.generation;
    const viewer = await load();
    if (this.listening && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { viewer: deepFreeze(viewer), until: now + this.ttlSeconds * 1000 });
    }
    return viewer;
  }

  /**
   * Calls `listener` with the table named by each change notice, and with null whenever notices may
   * have been missed (listening began, or the connection was lost): for other in-memory copies of
   * these tables.
   */
  onChange(listener: (table: string | null) => void): void {
    this.listeners.add(listener);
  }

  private changed(table: string | null): void {
    this.invalidate();
    for (const l of this.listeners) l(table);
  }

  /** Drops every caller held (a policy table changed, or the notices may have been missed). */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    clearTimeout(this.reconnect);
    this.invalidate();
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    this.client = client;
    const lost = (why: string) => {
      if (this.client !== client) return;
      this.client = undefined;
      if (this.listening) this.log.warn('caller cache off: lost the database notices; reading callers afresh', { reason: why });
      this.listening = false;
      this.changed(null);
      void client.end().catch(() => undefined);
      if (!this.stopped) this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
    };
    client.on('notification', (n) => this.changed(n.payload ?? null));
    client.on('error', (e) => lost(e.message));
    client.on('end', () => lost('connection ended'));
    try {
      await client.connect();
      await client.query('listen pol_policy');
      if (this.stopped || this.client !== client) {
        await client.end().catch(() => undefined);
        return;
      }
      // Whatever changed while nobody listened is unknown: start empty.
      this.changed(null);
      this.listening = true;
    } catch (e) {
      lost(e instanceof Error ? e.message : String(e));
    }
  }
}

/** Viewers are shared by concurrent requests once kept: nothing may change them. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
