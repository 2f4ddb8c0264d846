import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { TokenService } from '../auth/tokens';
import { currentSqlStatements, withSqlTally } from '../db/sql-stats';
import { AccessLogWriter } from '../modules/audit/access-log.service';
import { accessLogPlugin } from '../modules/audit/access-log.plugin';
import { ViewerCache } from '../auth/viewer-cache';
import { harmCatalogue } from '../modules/harm/catalogue';
import { regionDirectory } from '../modules/region/region-directory';
import { buildContext, type Context } from './context';
import { ReplicaRouter } from '../db/replicas';
import { describeError, makeFormatError } from './errors';
import type { Logger } from './log';
import { buildBareSchema, buildSchema } from './schema';
import type { HubExtension } from './extension';
import { inputHygienePlugin, inputShapeHandler } from './input-hygiene';
import { jitExecution } from './jit';
import { limitsExtension } from './limits';
import { observabilityExtension } from './observability';
import { trustedDocumentsExtension } from './trusted-documents';

export interface HubDeps {
  orm: MikroORM;
  config: Config;
  tokens: TokenService;
  log: Logger;
  /** Extra routes (the explorer), mounted before the GraphQL endpoint. */
  mount?: (app: express.Express) => void;
  /** Serves the schema without graphql-shield's field rules: only the benchmark's overhead comparison sets it. */
  benchmarkWithoutFieldRules?: true;
  /** Replaces the standard extensions (observability, limits, trusted documents); for tests and benchmarks. */
  extensions?: HubExtension[];
}

export interface Hub {
  app: express.Express;
  server: http.Server;
  apollo: ApolloServer<Context>;
  /** The callers this hub keeps between requests. */
  viewers: ViewerCache;
  /** Where large data reads go (read replicas close behind the primary, or the primary). */
  replicas: ReplicaRouter;
  /** Listens on `port` (0 for any free port) and returns the bound port. */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** A mutation may change who may see what: this instance forgets its callers at once (others on NOTIFY). */
function forgetCallersAfterMutations(viewers: ViewerCache): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') viewers.invalidate();
        },
      };
    },
  };
}

/** An answer that failed because the database is unreachable is a 503 with Retry-After, so clients retry. */
function unavailablePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          if (response.body.singleResult.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', '5');
          }
        },
      };
    },
  };
}

function sqlCountPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, sqlStatements: currentSqlStatements() };
        },
      };
    },
  };
}

export async function createHub(deps: HubDeps): Promise<Hub> {
  const { config, log } = deps;
  const viewers = new ViewerCache(config.listenDatabaseUrl ?? deps.orm.config.get('clientUrl')!, config.viewerCacheTtlSeconds, log);
  const regions = regionDirectory(deps.orm, config.catalogueTtlSeconds);
  viewers.onChange((table) => {
    if (table === null || table === 'region') regions.invalidate();
  });
  viewers.start();
  const replicas = new ReplicaRouter(deps.orm, { maxLagMs: config.replicaMaxLagMs, probeMs: config.replicaProbeMs }, log);
  await replicas.start();
  const contextDeps = {
    ...deps, catalogue: harmCatalogue(deps.orm, config.catalogueTtlSeconds), regions, viewers, reads: { prepare: config.preparedStatements, replicas },
  };
  // Order matters: observability sees every request, limits refuse early, trusted documents fill in the query.
  const ext = deps.extensions ?? [observabilityExtension(deps), limitsExtension(deps), trustedDocumentsExtension(deps)];
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every answer for an ETag; a GraphQL answer is computed (and access-logged)
  // before any revalidation could spare it, so the hash is pure cost on large answers.
  app.disable('etag');
  const server = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    gateway: jitExecution(deps.benchmarkWithoutFieldRules ? buildBareSchema() : buildSchema()),
    formatError: makeFormatError((err, formatted) => log.error('unexpected error', { path: formatted.path?.join('.'), ...describeError(err) })),
    includeStacktraceInErrorResponses: false,
    // Only the repository's trusted documents run by hash (trusted-documents.ts); no client-registered text.
    persistedQueries: false,
    // Apollo would refuse introspection to everyone in production; the limits extension decides per caller.
    introspection: true,
    // main.ts stops the hub in its own order; Apollo's own signal handler would stop it a second time and hang.
    stopOnTerminationSignals: false,
    validationRules: ext.flatMap((e) => e.validationRules ?? []),
    plugins: [
      ...ext.flatMap((e) => e.plugins ?? []),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      inputHygienePlugin(),
      unavailablePlugin(),
      accessLogPlugin(log, new AccessLogWriter(deps.orm)),
      forgetCallersAfterMutations(viewers),
      ...(config.exposeSqlCount ? [sqlCountPlugin()] : []),
    ],
  });
  await apollo.start();

  for (const e of ext) e.routes?.(app);
  deps.mount?.(app);
  app.use(
    '/graphql',
    (_req, _res, next) => withSqlTally(next),
    ...ext.flatMap((e) => e.beforeBody ?? []),
    express.json({ limit: config.limits.maxBodyBytes }),
    // Before anything walks the variables: a recursive walk of deeply nested JSON overflows the stack.
    inputShapeHandler(),
    ...ext.flatMap((e) => e.afterBody ?? []),
    expressMiddleware(apollo, { context: async ({ req }) => buildContext(contextDeps, req) }),
  );

  let closing: Promise<void> | undefined;
  return {
    app,
    server,
    apollo,
    viewers,
    replicas,
    listen: (port, host = config.host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address();
          resolve(typeof addr === 'object' && addr ? addr.port : port);
        });
      }),
    // Apollo's drain plugin stops accepting, finishes in-flight requests and closes the server.
    // Safe to call twice: a second apollo.stop() while the first drains would never return.
    close() {
      return (closing ??= (async () => {
        await apollo.stop();
        replicas.close();
        await viewers.stop();
        for (const e of ext) await e.close?.();
      })());
    },
  };
}
