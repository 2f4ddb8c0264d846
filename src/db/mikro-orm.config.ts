import path from 'node:path';
import { DataloaderType, ReflectMetadataProvider, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type PostgreSqlDriver } from '@mikro-orm/postgresql';
import { repoRoot } from '../common/paths';
import { ENTITIES } from './entities';

const fromTs = __filename.endsWith('.ts');

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
  });
}

// The MikroORM CLI reads this default export (`npm run migration:create`).
export default ormConfig(process.env.DATABASE_URL ?? 'postgres://localhost/pol');
