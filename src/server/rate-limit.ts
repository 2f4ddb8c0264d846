import net from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { QueryResult } from '@mikro-orm/core';
import { withSqlTally } from '../db/sql-stats';
import type { Context } from './context';
import type { Logger } from './log';
import { LimitError, sendLimitError } from './limits/errors';

/** A token bucket: `perMinute` tokens a minute, at most `burst` saved up; 0 a minute turns it off. */
export interface BucketRule {
  perMinute: number;
  burst: number;
}

export interface RateLimitConfig {
  /** Callers without a token, by client address; also signed-in people acting for no agency, by person. */
  anonymous: BucketRule;
  /** Everyone acting for one agency shares its bucket. */
  agency: BucketRule;
  /** Proxies in front of the hub whose X-Forwarded-For entries are trusted (0: use the socket's address). */
  trustProxyHops: number;
}

export interface Take {
  allowed: boolean;
  /** Tokens left after this request (allowed), or available now (refused). */
  tokens: number;
  /** Whole seconds until a token is available again (refused only). */
  retryAfter: number;
}

/**
 * One statement per request, atomic under concurrency (the row is locked by ON CONFLICT DO
 * UPDATE): refill by the time elapsed, take a token if there is one. A refused request changes
 * nothing; `prev` reads the bucket as it was, to say when to retry.
 */
const TAKE_SQL = `
with p as (select ?::varchar as key, ?::float8 as cap, ?::float8 as rate),
prev as (
  select least(p.cap, b.tokens + greatest(extract(epoch from now() - b.updated_at)::float8, 0) * p.rate) as available
    from rate_limit_bucket b join p on b.key = p.key
),
took as (
  insert into rate_limit_bucket as b (key, tokens, updated_at)
  select p.key, p.cap - 1, now() from p
  on conflict (key) do update
     set tokens = least(excluded.tokens + 1, b.tokens + greatest(extract(epoch from now() - b.updated_at)::float8, 0) * (select rate from p)) - 1,
         updated_at = greatest(b.updated_at, now())
   where least(excluded.tokens + 1, b.tokens + greatest(extract(epoch from now() - b.updated_at)::float8, 0) * (select rate from p)) >= 1
  returning b.tokens
)
select tokens, true as allowed from took
union all
select available, false from prev where not exists (select 1 from took)`;

export async function takeToken(em: EntityManager, key: string, rule: BucketRule): Promise<Take> {
  const perSecond = rule.perMinute / 60;
  const rows: { tokens: number; allowed: boolean }[] = await em.execute(TAKE_SQL, [key, rule.burst, perSecond]);
  const row = rows[0] ?? { tokens: 0, allowed: false };
  const tokens = Number(row.tokens);
  return { allowed: row.allowed, tokens, retryAfter: row.allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / perSecond)) };
}

/** Deletes buckets untouched for `seconds`: they would have refilled, and a missing bucket starts full. */
export async function deleteStaleBuckets(em: EntityManager, seconds: number): Promise<number> {
  const res = await em.execute<QueryResult>('delete from rate_limit_bucket where updated_at < now() - make_interval(secs => ?)', [seconds], 'run');
  return res.affectedRows;
}

/** IPv4 as it is; IPv6 by its /64 network (one subscriber's allocation), IPv4-mapped IPv6 as IPv4. */
export function addressKey(raw: string): string | undefined {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  a = a.replace(/%.*$/, '').toLowerCase();
  if (a.startsWith('::ffff:') && net.isIPv4(a.slice(7))) a = a.slice(7);
  if (net.isIPv4(a)) return a;
  if (!net.isIPv6(a)) return undefined;
  const [head, tail] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groupsOf = (parts: string[]) => parts.reduce((n, p) => n + (p.includes('.') ? 2 : 1), 0);
  const zeros = tail === undefined ? 0 : 8 - groupsOf(left) - groupsOf(right);
  const groups = [...left, ...Array<string>(zeros).fill('0'), ...right].slice(0, 4);
  return `${groups.map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/** The client's address: the socket's, or the entry the nearest trusted proxy wrote into X-Forwarded-For. */
export function clientAddress(req: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } }, trustProxyHops: number): string {
  if (trustProxyHops > 0) {
    const header = req.headers['x-forwarded-for'];
    const list = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (list.length) {
      const key = addressKey(list[Math.max(0, list.length - trustProxyHops)]);
      if (key) return key;
    }
  }
  return addressKey(req.socket.remoteAddress ?? '') ?? 'unknown';
}

const CLEAN_EVERY_MS = 5 * 60_000;

/** Token buckets per agency and per anonymous client, kept in PostgreSQL so every hub instance shares them. */
export class RateLimiter {
  private readonly timer?: NodeJS.Timeout;

  constructor(
    private readonly orm: MikroORM,
    private readonly config: RateLimitConfig,
    private readonly log: Logger,
  ) {
    const rules = [config.anonymous, config.agency].filter((r) => r.perMinute > 0);
    if (rules.length) {
      // A bucket idle this long is full again, so deleting it changes nothing.
      const staleAfter = Math.max(60, ...rules.map((r) => Math.ceil((r.burst / r.perMinute) * 60)));
      this.timer = setInterval(() => {
        withSqlTally(() => deleteStaleBuckets(this.orm.em.fork(), staleAfter)).catch((e: unknown) =>
          this.log.warn('stale rate-limit buckets could not be deleted', { error: e instanceof Error ? e.message : String(e) }),
        );
      }, CLEAN_EVERY_MS);
      this.timer.unref();
    }
  }

  get enabled(): boolean {
    return this.timer !== undefined;
  }

  /**
   * Takes a token; a failing database lets the request through (it fails on its own if the
   * database is really gone). The statement is kept out of the request's SQL tally, which counts
   * the operation's own statements.
   */
  async take(key: string, rule: BucketRule): Promise<Take | undefined> {
    if (rule.perMinute <= 0) return undefined;
    try {
      return await withSqlTally(() => takeToken(this.orm.em.fork(), key, rule));
    } catch (e) {
      this.log.error('rate limit could not be checked; request let through', { key, error: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
  }

  refusal(rule: BucketRule, take: Take): LimitError {
    return new LimitError('RATE_LIMITED', `too many requests: at most ${rule.perMinute} a minute (bursts of ${rule.burst}); retry in ${take.retryAfter} s`, 429, {
      limit: rule.perMinute,
      burst: rule.burst,
      retryAfter: take.retryAfter,
    });
  }

  /** Requests without a token, by client address, before anything else is done for them. */
  anonymousHandler(): express.RequestHandler {
    return (req, res, next) => {
      if ((req.method !== 'POST' && req.method !== 'GET') || req.headers.authorization !== undefined) return next();
      const rule = this.config.anonymous;
      this.take(`anon:${clientAddress(req, this.config.trustProxyHops)}`, rule).then((take) => {
        if (!take || take.allowed) return next();
        sendLimitError(res, this.refusal(rule, take), { 'retry-after': String(take.retryAfter) });
      }, next);
    };
  }

  /** Signed-in callers, once the context knows who they act for: per agency, or per person without one. */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async ({ contextValue }) => {
        const { membership, person } = contextValue.viewer;
        if (!person) return;
        const [key, rule] = membership ? [`agency:${membership.agencyId}`, this.config.agency] : [`person:${person.id}`, this.config.anonymous];
        if (rule.perMinute <= 0) return;
        return {
          // The first hook whose errors Apollo Server answers as they are.
          didResolveOperation: async ({ response }) => {
            const take = await this.take(key, rule);
            if (!take || take.allowed) return;
            response.http.headers.set('retry-after', String(take.retryAfter));
            throw this.refusal(rule, take);
          },
        };
      },
    };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
