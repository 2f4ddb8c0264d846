import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createTokenService } from '../../src/auth/tokens';
import { openDatabase } from '../../src/db/bootstrap';
import { createHub } from '../../src/server/app';
import { mountExplorer } from '../../src/server/explorer-mount';
import { createLogger } from '../../src/server/log';
import { loadDemoDataIfEmpty } from '../../scripts/demo/load';
import { freePort } from '../support/db-admin';

export interface BrowserTestHub {
  /** Origin of the hub, e.g. http://127.0.0.1:41234 (GraphiQL at /graphiql, API at /graphql). */
  url: string;
  close(): Promise<void>;
  /** Token of a demo user offered by GET /graphiql/demo-users. */
  demoToken: string;
  demoEmail: string;
}

export const DEMO_EMAIL = 'dg@sca.kermanshah.example';

/** The real hub, as `npm start` runs it: embedded PostgreSQL in a throw-away folder, demo data, explorer. */
export async function startHubForBrowserTest(): Promise<BrowserTestHub> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pol-browser-'));
  fs.chmodSync(dataDir, 0o755);
  const config = loadConfig({ POL_DATA_DIR: dataDir, POL_PG_PORT: String(await freePort()), LOG_LEVEL: 'silent' });
  const db = await openDatabase(config, () => undefined);
  await loadDemoDataIfEmpty(db.orm.em.fork());
  const tokens = await createTokenService(config);
  const hub = await createHub({
    orm: db.orm, config, tokens, log: createLogger('silent'),
    mount: (app) => mountExplorer(app, { config, tokens, orm: db.orm }),
  });
  const url = `http://127.0.0.1:${await hub.listen(0, '127.0.0.1')}`;
  const users = (await (await fetch(`${url}/graphiql/demo-users`)).json()) as Array<{ email: string; token: string }>;
  const demo = users.find((u) => u.email === DEMO_EMAIL);
  if (!demo) throw new Error(`${DEMO_EMAIL} is not offered by /graphiql/demo-users`);
  return {
    url,
    demoToken: demo.token,
    demoEmail: demo.email,
    async close() {
      await hub.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
