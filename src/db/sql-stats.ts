import { ScopeSlot } from '../common/async-scope';
import type { MikroORM } from '@mikro-orm/postgresql';
import { replicaConnections } from './replicas';

interface SqlTally { statements: number }

const storage = new ScopeSlot<SqlTally>('sql tally');
const installed = new WeakSet<object>();

/** Counts SQL statements per request: every query knex sends is tallied in the caller's async context. */
export function installSqlCounter(orm: MikroORM): void {
  for (const knex of [orm.em.getConnection().getKnex(), ...replicaConnections(orm).map((r) => r.getKnex())]) {
    if (installed.has(knex)) continue;
    installed.add(knex);
    knex.on('query', () => {
      const tally = storage.get();
      if (tally) tally.statements++;
    });
  }
}

export function withSqlTally<T>(fn: () => T): T {
  return storage.run({ statements: 0 }, fn);
}

export function currentSqlStatements(): number | undefined {
  return storage.get()?.statements;
}

/** The tally of the current request, to read later from outside its async context. */
export function currentSqlTally(): Readonly<SqlTally> | undefined {
  return storage.get();
}
