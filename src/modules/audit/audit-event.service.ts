import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';
import type { Viewer } from '../../auth/viewer';
import { BadInputError } from '../../common/errors';
import { paginate, type Page } from '../../common/pagination';
import type { Context } from '../../server/context';
import { AuditEvent } from './audit-event.entity';

/**
 * Records a change to rights in the caller's transaction (`em` is the transaction's): it is saved
 * with the change or not at all. `viewer` null: the hub's operators, by a command on the server.
 */
export function recordAudit(em: EntityManager, viewer: Viewer | null, action: string, target: string, details: Record<string, unknown>): void {
  em.create(AuditEvent, {
    personId: viewer?.person?.id, agencyId: viewer?.membership?.agencyId, role: viewer?.membership?.role ?? undefined,
    action, target: target.slice(0, 64), details,
  });
}

export interface AuditTrailFilter {
  action?: string;
  target?: string;
  since?: Date;
  until?: Date;
}

export function listAuditEvents(ctx: Context, args: AuditTrailFilter & { first?: number; after?: string }, Shape: ClassType<Page<AuditEvent>>): Promise<Page<AuditEvent>> {
  if (args.since && args.until && args.since > args.until) throw BadInputError.field('until', 'must not be before since');
  const where = {
    ...(args.action ? { action: args.action } : {}),
    ...(args.target ? { target: args.target } : {}),
    ...(args.since || args.until ? { at: { ...(args.since ? { $gte: args.since } : {}), ...(args.until ? { $lte: args.until } : {}) } } : {}),
  };
  return paginate(ctx.em, AuditEvent, where, args, ctx.config.maxPageSize, Shape);
}
