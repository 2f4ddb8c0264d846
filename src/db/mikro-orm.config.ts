import path from 'node:path';
import { DataloaderType, ReflectMetadataProvider, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type PostgreSqlDriver } from '@mikro-orm/postgresql';
import { repoRoot } from '../common/paths';
import { ENTITIES } from './entities';

const fromTs = __filename.endsWith('.ts');

/**
 * knex prints connection errors as plain text that quotes the failed SQL with its values (emails,
 * names): only a JSON line saying what kind of trouble it was is written instead.
 */
const databaseLog = (level: 'warn' | 'error') => (message: unknown) => {
  const kind = String(message).startsWith('Connection Error') ? 'database connection error' : 'database driver message';
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: kind })}\n`);
};

export function ormConfig(clientUrl: string, extra: Partial<Options<PostgreSqlDriver>> = {}): Options<PostgreSqlDriver> {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    discovery: { requireEntitiesArray: true, disableDynamicFileAccess: true },
    extensions: [Migrator],
    // Batches reference and collection loads within one request's EntityManager.
    dataloader: DataloaderType.ALL,
    preferTs: fromTs,
    dynamicImportProvider: (id) => import(id),
    migrations: {
      path: path.join(repoRoot, 'dist/migrations'),
      pathTs: path.join(repoRoot, 'migrations'),
      glob: '!(*.d).{js,ts}',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      snapshotName: '.snapshot-pol',
      emit: 'ts',
      silent: true,
    },
    pool: { min: 0, max: 10 },
    allowGlobalContext: false,
    ...extra,
    driverOptions: {
      ...(extra.driverOptions as object | undefined),
      log: { warn: databaseLog('warn'), error: databaseLog('error'), deprecate: () => undefined, debug: () => undefined },
    },
  });
}

// The MikroORM CLI reads this default export (`npm run migration:create`).
export default ormConfig(process.env.DATABASE_URL ?? 'postgres://localhost/pol');
