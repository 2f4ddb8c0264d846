import type { ClassType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { BadInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../common/errors';
import { recordAudit } from '../audit/audit-event.service';
import { isIsoDate, todayInIran } from '../../common/dates';
import { paginate, type Page } from '../../common/pagination';
import { assertMay } from '../../policy/policy';
import type { Context } from '../../server/context';
import { Person } from '../person/person.entity';
import { Appointment, Post, PostAuthority } from './post.entity';
import type { HandOverPostInput, PostsArgs } from './post.inputs';
import { cleanEmail, cleanText } from '../../common/text';

export function findPost(ctx: Context, code: string): Promise<Post | null> {
  return ctx.em.findOne(Post, { code });
}

export async function listPosts(ctx: Context, args: PostsArgs, Shape: ClassType<Page<Post>>): Promise<Page<Post>> {
  const where = args.agencyCode ? { agency: { code: args.agencyCode } } : {};
  return paginate(ctx.em, Post, where, args, ctx.config.maxPageSize, Shape);
}

export interface HandoverResult { post: Post; ended: Appointment | null; started: Appointment }

/**
 * Who may hand a post over (README, "Where powers come from"). A post without powers: as
 * `post.handover` says. A post with powers (the director general's, a deputy's): its current
 * holder, acting for the post's agency; a deputy's post also the director general. A vacant
 * director general's post is filled by the hub's operators (`npm run post:appoint`): no account
 * in the hub stands above it. Nobody appoints themselves.
 */
function assertMayHandOver(ctx: Context, post: Post, holder: Appointment | null, successorId: number): void {
  const { viewer } = ctx;
  if (!viewer.person) throw new UnauthenticatedError();
  if (successorId === viewer.person.id) throw new ForbiddenError('nobody may appoint themselves to a post');
  if (!post.authority) {
    assertMay(viewer, 'post.handover', [post.agency.id]);
    return;
  }
  const m = viewer.membership;
  const here = m && m.agencyId === post.agency.id ? m.authorities : [];
  const holds = here.includes(post.authority) && holder?.person.id === viewer.person.id;
  const above = post.authority !== PostAuthority.DIRECTOR_GENERAL && here.includes(PostAuthority.DIRECTOR_GENERAL);
  if (holds || above) return;
  throw new ForbiddenError(
    post.authority === PostAuthority.DIRECTOR_GENERAL
      ? `${post.code} carries the director general's powers: it is handed over by its holder; when vacant, by the hub's operators`
      : `${post.code} carries a deputy's powers: it is handed over by its holder or by the director general`,
  );
}

/** Ends the current appointment and starts the successor's in one transaction, with its audit record; history is kept. */
export async function handOverPost(ctx: Context, input: HandOverPostInput): Promise<HandoverResult> {
  const post = await findPost(ctx, input.postCode);
  if (!post) throw new NotFoundError('post', input.postCode);
  const successor = await ctx.em.findOne(Person, { email: cleanEmail('successorEmail', input.successorEmail) });
  const current = await ctx.em.findOne(Appointment, { post, endedOn: null });
  assertMayHandOver(ctx, post, current, successor?.id ?? -1);
  if (!successor) throw BadInputError.field('successorEmail', 'no person with this email is known to the hub');
  return transfer(ctx.em, ctx.viewer, post, current, successor, input);
}

/** The hub's operators fill or hand over any post (a command on the server, recorded in the audit trail as theirs). */
export async function appointByOperator(em: EntityManager, postCode: string, email: string, date?: string): Promise<HandoverResult> {
  const post = await em.findOne(Post, { code: postCode });
  if (!post) throw new NotFoundError('post', postCode);
  const successor = await em.findOne(Person, { email: cleanEmail('email', email) });
  if (!successor) throw BadInputError.field('email', 'no person with this email is known to the hub');
  const current = await em.findOne(Appointment, { post, endedOn: null });
  return transfer(em, null, post, current, successor, { date });
}

async function transfer(
  em0: EntityManager, viewer: Viewer | null, post: Post, current: Appointment | null, successor: Person,
  input: Pick<HandOverPostInput, 'date' | 'endNote' | 'startNote'>,
): Promise<HandoverResult> {
  const date = input.date ?? todayInIran();
  if (!isIsoDate(date)) throw BadInputError.field('date', `${date} is not a calendar date`);
  if (current) {
    if (current.person.id === successor.id) throw BadInputError.field('successorEmail', 'the successor already holds this post');
    if (date < current.startedOn) throw BadInputError.field('date', `must not be before the current holder's first day ${current.startedOn}`);
  }
  return em0.transactional(async (em) => {
    if (current) {
      current.endedOn = date;
      current.endNote = input.endNote == null ? undefined : cleanText('endNote', input.endNote);
      // The open appointment must be closed before the next one is opened (one open per post).
      await em.flush();
    }
    const started = em.create(Appointment, { post, person: successor, startedOn: date, startNote: input.startNote == null ? undefined : cleanText('startNote', input.startNote) });
    recordAudit(em, viewer, 'post.handover', post.code, {
      authority: post.authority ?? null, from: current ? current.person.id : null, to: successor.email, date, byOperators: viewer === null,
    });
    await em.flush();
    return { post, ended: current ?? null, started };
  });
}
