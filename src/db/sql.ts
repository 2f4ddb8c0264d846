import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/knex';
import type { ReplicaRouter } from './replicas';
/**
 * A PostgreSQL array literal for one bound text parameter: the driver would expand a JS array into a
 * comma list, which `unnest(?::int[])` cannot take.
 */
export function pgArray(values: ReadonlyArray<string | number | boolean | null>): string {
  const item = (v: string | number | boolean | null) =>
    v === null ? 'NULL' : typeof v === 'number' ? String(v) : typeof v === 'boolean' ? (v ? 't' : 'f') : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `{${values.map(item).join(',')}}`;
}

const PREPARED_MAX = 64;
const PREPARE_AFTER = 3;
const seen = new Map<string, number>();
const named = new Map<string, string>();

/**
 * Rows of a read statement, as a named prepared statement once the same text has run a few times:
 * PostgreSQL then plans it once per connection (a generic plan where that is as good) instead of
 * on every request — planning costs the hub's hot reads more than executing them. At most
 * PREPARED_MAX texts per process are prepared (each holds a plan on every pooled connection);
 * others run as before. The hub's connections use generic plans for them (POL_PLAN_CACHE_MODE);
 * `prepare: false` keeps a statement whose generic plan would be worse unnamed, planned each time.
 * Inside a transaction the EntityManager runs it, on the transaction's connection; otherwise, with
 * `replicas`, on a read replica that is close enough behind the primary (or on the primary).
 */
export interface ReadOptions {
  /** False: never as a named statement (planned each time; also for poolers that cannot keep them). */
  prepare?: boolean;
  replicas?: ReplicaRouter;
}

export async function readRows<T>(em: EntityManager, sql: string, params: unknown[], opts: ReadOptions = {}): Promise<T[]> {
  if (em.isInTransaction()) return em.execute<T[]>(sql, params);
  // As em.execute does: an array fills `in (?)` with one parameter per item.
  let i = 0;
  const flat: unknown[] = [];
  const text0 = sql.replace(/\?/g, () => {
    const p = params[i++];
    if (!Array.isArray(p)) {
      flat.push(p);
      return '?';
    }
    flat.push(...p);
    return p.length ? p.map(() => '?').join(', ') : 'null';
  });
  if (i !== params.length) throw new Error(`readRows: ${i} placeholders for ${params.length} parameters`);
  const primary = em.getKnex();
  const onPrimary = primary.raw(text0, flat as Knex.RawBinding[]);
  const text = onPrimary.toSQL().sql;
  let name = named.get(text);
  if (!name && opts.prepare !== false && named.size < PREPARED_MAX) {
    const n = (seen.get(text) ?? 0) + 1;
    if (n >= PREPARE_AFTER) {
      name = `pol_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
      named.set(text, name);
      seen.delete(text);
    } else {
      if (seen.size >= 10 * PREPARED_MAX) seen.clear();
      seen.set(text, n);
    }
  }
  const run = async (knex: Knex) => {
    const raw = knex === primary ? onPrimary : knex.raw(text0, flat as Knex.RawBinding[]);
    const res = (await (name ? raw.options({ name }) : raw)) as unknown as { rows: T[] };
    return res.rows;
  };
  return opts.replicas?.size ? opts.replicas.read(run, () => primary) : run(primary);
}
