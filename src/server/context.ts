import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { TokenService } from '../auth/tokens';
import { loadViewer, MEMBERSHIP_HEADER, PUBLIC_VIEWER, type Viewer } from '../auth/viewer';
import { UnauthenticatedError } from '../common/errors';
import { AccessRecorder } from '../modules/audit/access-log.service';
import { createLoaders, type Loaders } from './loaders';
import type { Logger } from './log';

/** What every resolver and service receives first. */
export interface Context {
  requestId: string;
  em: EntityManager;
  viewer: Viewer;
  loaders: Loaders;
  config: Config;
  log: Logger;
  /** Sensitive reads of this request, for the access log. */
  access: AccessRecorder;
}

export interface ContextDeps {
  orm: MikroORM;
  tokens: TokenService;
  config: Config;
  log: Logger;
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export async function buildContext(deps: ContextDeps, headers: Headers): Promise<Context> {
  const em = deps.orm.em.fork();
  const auth = header(headers, 'authorization');
  let viewer = PUBLIC_VIEWER;
  if (auth !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
    const email = await deps.tokens.verify(match[1]);
    viewer = await loadViewer(em, email, header(headers, MEMBERSHIP_HEADER));
  }
  return {
    requestId: header(headers, 'x-request-id') ?? randomUUID(),
    em,
    viewer,
    loaders: createLoaders(em, viewer),
    access: new AccessRecorder(),
    config: deps.config,
    log: deps.log,
  };
}
