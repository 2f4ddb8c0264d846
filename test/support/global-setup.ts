import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded';
import { prepareDemoDatabase } from './demo-database';
import { dropDatabase, freePort, withDatabase } from './db-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Any database URL on the test server; test files swap in their own database name. */
    serverUrl: string;
    /** A migrated database with the demo data, copied for each test file. */
    templateDb: string;
  }
}

/**
 * One PostgreSQL for the whole run: embedded (throw-away, fsync off) unless DATABASE_URL names a
 * server. The schema is migrated and the demo data (without observations) loaded once into a template database; each
 * test file then gets its own copy (CREATE DATABASE … TEMPLATE), so files run in parallel.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pol-test-'));
    fs.chmodSync(dataDir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), fast: true });
    serverUrl = embedded.adminUrl;
  }
  const templateDb = `pol_tpl_${process.pid}`;
  const templateUrl = withDatabase(serverUrl, templateDb);
  await dropDatabase(serverUrl, templateDb);
  await prepareDemoDatabase(templateUrl);
  project.provide('serverUrl', serverUrl);
  project.provide('templateDb', templateDb);

  return async () => {
    await dropDatabase(serverUrl!, templateDb);
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
