import 'reflect-metadata';
import { loadConfig, ConfigError } from './config';
import { createTokenService } from './auth/tokens';
import { openDatabase } from './db/bootstrap';
import { createHub } from './server/app';
import { createLogger } from './server/log';
import { mountExplorer } from './server/explorer-mount';
import { isLoopbackAddress } from './server/explorer';
import { loadDemoDataIfEmpty } from '../scripts/demo/load';
import { loadHarmDemoIfEmpty } from '../scripts/demo/harm-load';
import { refreshStalePatterns } from './modules/harm/suppression';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config, (line) => log.info(line));
  if (db.applied.length) log.info('migrations applied', { migrations: db.applied });
  if (config.demoData) {
    if (await loadDemoDataIfEmpty(db.orm.em.fork())) log.info('demo data loaded (people are fictional)');
    const harm = await loadHarmDemoIfEmpty(db.orm.em.fork(), { scale: 'demo', log: (line) => log.info(line) });
    if (harm) log.info('synthetic harm observations loaded', { rows: harm.rows, ms: harm.ms });
  }
  // Tables whose small-count pattern an older method computed (after an upgrade) are protected
  // again before anything is served.
  const started = Date.now();
  const patterns = await refreshStalePatterns(db.orm.em.fork());
  if (patterns.tables) log.info('small-count patterns computed', { ...patterns, ms: Date.now() - started });
  const tokens = await createTokenService(config);
  const hub = await createHub({ orm: db.orm, config, tokens, log, mount: (app) => mountExplorer(app, { config, tokens, orm: db.orm }) });
  const port = await hub.listen(config.port);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    try {
      await hub.close();
      await db.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const base = `http://localhost:${port}`;
  const loopbackOnly = isLoopbackAddress(config.host) || config.host === 'localhost';
  process.stdout.write(
    [
      '',
      `Pol is running${db.embedded ? ` (embedded PostgreSQL, data in ${config.dataDir})` : ''}`,
      `  Listening ${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}${loopbackOnly ? ' (this machine only; HOST=0.0.0.0 opens it to others)' : ''}`,
      `  GraphQL   ${base}/graphql`,
      `  Explorer  ${base}/graphiql`,
      tokens.sign
        ? '  Token     npm run token -- dg@sca.kermanshah.example   (send as "Authorization: Bearer <token>")'
        : `  Tokens    from your OIDC provider (${config.auth.issuer})`,
      'Ctrl-C stops the hub.',
      '',
    ].join('\n'),
  );
}

main().catch((e) => {
  process.stderr.write(`${e instanceof ConfigError ? `configuration error: ${e.message}` : e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
