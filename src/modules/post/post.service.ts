import type { ClassType } from 'type-graphql';
import { BadInputError, NotFoundError } from '../../common/errors';
import { isIsoDate, todayInIran } from '../../common/dates';
import { paginate, type Page } from '../../common/pagination';
import { assertMay } from '../../policy/policy';
import type { Context } from '../../server/context';
import { Person } from '../person/person.entity';
import { Appointment, Post } from './post.entity';
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

/** Ends the current appointment and starts the successor's in one transaction; history is kept. */
export async function handOverPost(ctx: Context, input: HandOverPostInput): Promise<HandoverResult> {
  const post = await findPost(ctx, input.postCode);
  if (!post) throw new NotFoundError('post', input.postCode);
  assertMay(ctx.viewer, 'post.handover', [post.agency.id]);
  const date = input.date ?? todayInIran();
  if (!isIsoDate(date)) throw BadInputError.field('date', `${date} is not a calendar date`);
  const successor = await ctx.em.findOne(Person, { email: cleanEmail('successorEmail', input.successorEmail) });
  if (!successor) throw BadInputError.field('successorEmail', 'no person with this email is known to the hub');
  const current = await ctx.em.findOne(Appointment, { post, endedOn: null });
  if (current) {
    if (current.person.id === successor.id) throw BadInputError.field('successorEmail', 'the successor already holds this post');
    if (date < current.startedOn) throw BadInputError.field('date', `must not be before the current holder's first day ${current.startedOn}`);
  }
  return ctx.em.transactional(async (em) => {
    if (current) {
      current.endedOn = date;
      current.endNote = input.endNote == null ? undefined : cleanText('endNote', input.endNote);
      // The open appointment must be closed before the next one is opened (one open per post).
      await em.flush();
    }
    const started = em.create(Appointment, { post, person: successor, startedOn: date, startNote: input.startNote == null ? undefined : cleanText('startNote', input.startNote) });
    await em.flush();
    return { post, ended: current ?? null, started };
  });
}

