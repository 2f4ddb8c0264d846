import type express from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { TokenService } from '../auth/tokens';
import { todayInIran } from '../common/dates';
import { EXAMPLE_OPERATIONS } from './examples';
import { explorerRouter } from './explorer';

interface Deps { config: Config; tokens: TokenService; orm: MikroORM }

const TOKEN_HOURS = 8;
const tokenCaches = new WeakMap<TokenService, Map<string, { token: string; renewAt: number }>>();

/** Demo tokens are reused for most of their life, so the page and its callers see the same token. */
async function demoToken(tokens: TokenService, email: string): Promise<string> {
  let tokenCache = tokenCaches.get(tokens);
  if (!tokenCache) tokenCaches.set(tokens, (tokenCache = new Map()));
  const hit = tokenCache.get(email);
  if (hit && hit.renewAt > Date.now()) return hit.token;
  const token = await tokens.sign!(email, { ttlSeconds: TOKEN_HOURS * 3600 });
  tokenCache.set(email, { token, renewAt: Date.now() + (TOKEN_HOURS - 1) * 3600_000 });
  return token;
}

/** Demo sign-in for the explorer: only with the hub's own signing key and outside production. */
export async function demoUsers(deps: Deps) {
  const today = todayInIran();
  const rows: Array<{ email: string; name: string; role: string; agency: string }> = await deps.orm.em.fork().execute(
    `select distinct on (p.id) p.email, p.full_name_en as name, m.role, a.name_en as agency
       from person p join membership m on m.person_id = p.id join agency a on a.id = m.agency_id
      where m.valid_from <= ?::date and (m.valid_to is null or m.valid_to >= ?::date) and m.accepted_at is not null and m.ended_at is null
      order by p.id, m.id limit 40`,
    [today, today],
  );
  return Promise.all(rows.map(async (r) => ({ email: r.email, label: `${r.name} — ${r.role}, ${r.agency}`, token: await demoToken(deps.tokens, r.email) })));
}

export function mountExplorer(app: express.Express, deps: Deps): void {
  const demo = deps.tokens.sign && !deps.config.production;
  app.use('/graphiql', explorerRouter({ demoUsers: demo ? () => demoUsers(deps) : undefined, examples: EXAMPLE_OPERATIONS }));
}
