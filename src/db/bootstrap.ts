import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { ensureDatabase, migrate, openOrm } from './database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';

export interface OpenDatabase {
  orm: MikroORM;
  url: string;
  embedded?: EmbeddedDatabase;
  applied: string[];
  close(): Promise<void>;
}

/** `DATABASE_URL` when set, otherwise an embedded PostgreSQL in the data folder; migrated to the latest schema. */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<OpenDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
    url = embedded.urlFor('pol');
  }
  try {
    await ensureDatabase(url);
    // Migrations may run long (indexes on big tables): they get their own pool without the statement timeout.
    const migrating = await openOrm(url);
    const applied = await migrate(migrating).finally(() => migrating.close(true));
    const orm = await openOrm(url, {
      statementTimeoutMs: config.limits.requestTimeoutMs, planCacheMode: config.planCacheMode, replicaUrls: config.replicaUrls,
      transactionPooler: config.transactionPooler,
    });
    if (config.transactionPooler) {
      const [{ statement_timeout: timeout }] = await orm.em.getConnection().execute<Array<{ statement_timeout: string }>>('show statement_timeout');
      if (timeout === '0') {
        log(`through a transaction pooler the hub sets no statement_timeout, and the server has none: set one on the database role (ALTER ROLE … SET statement_timeout = '${config.limits.requestTimeoutMs}ms')`);
      }
    }
    return {
      orm,
      url,
      embedded,
      applied,
      async close() {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}
