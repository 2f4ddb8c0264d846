import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { TokenService } from '../auth/tokens';
import { loadViewer, MEMBERSHIP_HEADER, PUBLIC_VIEWER, type Viewer } from '../auth/viewer';
import { isDatabaseUnavailable, ServiceUnavailableError, UnauthenticatedError } from '../common/errors';
import { AccessRecorder } from '../modules/audit/access-log.service';
import type { Kept } from '../common/kept';
import type { CatalogueSnapshot } from '../modules/harm/catalogue';
import type { ViewerCache } from '../auth/viewer-cache';
import type { ReadOptions } from '../db/sql';
import type { RegionSnapshot } from '../modules/region/region-directory';
import { createLoaders, type Loaders } from './loaders';
import type { Logger } from './log';

/** What every resolver and service receives first. */
export interface Context {
  /** The hub's own id of the request (never the client's: a client could reuse another's). */
  requestId: string;
  /** The client's X-Request-Id, when it gave a plain one. */
  clientRequestId?: string;
  em: EntityManager;
  viewer: Viewer;
  loaders: Loaders;
  config: Config;
  log: Logger;
  /** The harm catalogue (indicators, categories), one snapshot for the whole request. */
  catalogue(): Promise<CatalogueSnapshot>;
  /** The region directory, one snapshot for the whole request. */
  regions(): Promise<RegionSnapshot>;
  /** Sensitive reads of this request, for the access log. */
  access: AccessRecorder;
  /** Set when the request ran a trusted document (by its hash) rather than free-form text. */
  trustedDocumentId?: string;
  /** How the large data reads run (`readRows(em, sql, params, ctx.reads)`): named or not, on a replica or not. */
  reads: ReadOptions;
}

/** What the hub's own middleware leaves on the request before the context is built. */
export interface PolRequestLocals {
  requestId?: string;
  clientRequestId?: string;
  trustedDocumentId?: string;
}

export interface ContextDeps {
  orm: MikroORM;
  tokens: TokenService;
  config: Config;
  log: Logger;
  catalogue: Kept<CatalogueSnapshot>;
  regions: Kept<RegionSnapshot>;
  viewers: ViewerCache;
  /** The same for every request: `ctx.reads`. */
  reads: ReadOptions;
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** A client's own request id (X-Request-Id), kept beside the hub's when it is short and plain. */
export function clientRequestIdOf(given: string | undefined): string | undefined {
  return given && /^[\w.:-]{1,64}$/.test(given) ? given : undefined;
}

export async function buildContext(deps: ContextDeps, req: { headers: Headers; polLocals?: PolRequestLocals }): Promise<Context> {
  const { headers } = req;
  const em = deps.orm.em.fork();
  const auth = header(headers, 'authorization');
  let viewer = PUBLIC_VIEWER;
  if (auth !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
    const email = await deps.tokens.verify(match[1]);
    try {
      const membershipHeader = header(headers, MEMBERSHIP_HEADER);
      viewer = await deps.viewers.get(email, membershipHeader, () => loadViewer(em, email, membershipHeader));
    } catch (e) {
      throw isDatabaseUnavailable(e) ? new ServiceUnavailableError() : e;
    }
  }
  let snapshot: Promise<CatalogueSnapshot> | undefined;
  let directory: Promise<RegionSnapshot> | undefined;
  const regions = () => (directory ??= deps.regions.get());
  return {
    regions,
    catalogue: () => (snapshot ??= deps.catalogue.get()),
    requestId: req.polLocals?.requestId ?? randomUUID(),
    clientRequestId: req.polLocals ? req.polLocals.clientRequestId : clientRequestIdOf(header(headers, 'x-request-id')),
    em,
    viewer,
    loaders: createLoaders(em, viewer, regions),
    access: new AccessRecorder(),
    trustedDocumentId: req.polLocals?.trustedDocumentId,
    config: deps.config,
    log: deps.log,
    reads: deps.reads,
  };
}

/** The hub's per-request notes on an Express request (created on first use). */
export function polLocals(req: object): PolRequestLocals {
  const r = req as { polLocals?: PolRequestLocals };
  return (r.polLocals ??= {});
}
