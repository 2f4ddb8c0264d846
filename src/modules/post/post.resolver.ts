import { Arg, Args, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { toJalali } from '../../common/dates';
import { Connection } from '../../common/pagination';
import type { Context } from '../../server/context';
import { Agency, AgencyUnit } from '../agency/agency.entity';
import { Person } from '../person/person.entity';
import { Appointment, Post } from './post.entity';
import { HandOverPostInput, PostsArgs } from './post.inputs';
import { findPost, handOverPost, listPosts } from './post.service';

export const PostConnection = Connection(Post);

@ObjectType({ simpleResolvers: true, description: 'What a handover changed' })
export class Handover {
  @Field(() => Post)
  post!: Post;

  @Field(() => Appointment, { nullable: true, description: 'The appointment that ended; null when the post was vacant' })
  ended!: Appointment | null;

  @Field(() => Appointment)
  started!: Appointment;
}

const byStartDesc = (a: Appointment, b: Appointment) => b.startedOn.localeCompare(a.startedOn) || b.id - a.id;

@Resolver(() => Post)
export class PostResolver {
  @Query(() => Post, { nullable: true })
  post(@Ctx() ctx: Context, @Arg('code') code: string): Promise<Post | null> {
    return findPost(ctx, code);
  }

  @Query(() => PostConnection)
  posts(@Ctx() ctx: Context, @Args() args: PostsArgs) {
    return listPosts(ctx, args, PostConnection);
  }

  @Mutation(() => Handover, { nullable: true, description: 'Ends the current holder\'s appointment and starts the successor\'s (one transaction)' })
  handOverPost(@Ctx() ctx: Context, @Arg('input') input: HandOverPostInput): Promise<Handover> {
    return handOverPost(ctx, input);
  }

  @FieldResolver(() => Agency)
  agency(@Root() post: Post): Promise<Agency> {
    return post.agency.load() as Promise<Agency>;
  }

  @FieldResolver(() => AgencyUnit, { nullable: true })
  unit(@Root() post: Post): Promise<AgencyUnit> | null {
    return post.unit ? (post.unit.load() as Promise<AgencyUnit>) : null;
  }

  @FieldResolver(() => [Appointment], { description: 'Everyone who has held the post, newest first' })
  async appointments(@Root() post: Post): Promise<Appointment[]> {
    return (await post.appointments.load()).getItems().sort(byStartDesc);
  }

  @FieldResolver(() => Appointment, { nullable: true, description: 'The current holder\'s appointment; null while vacant' })
  async current(@Root() post: Post): Promise<Appointment | null> {
    return (await post.appointments.load()).getItems().find((a) => !a.endedOn) ?? null;
  }
}

@Resolver(() => Appointment)
export class AppointmentResolver {
  @FieldResolver(() => Post)
  post(@Root() a: Appointment): Promise<Post> {
    return a.post.load() as Promise<Post>;
  }

  @FieldResolver(() => Person)
  person(@Root() a: Appointment): Promise<Person> {
    return a.person.load() as Promise<Person>;
  }

  @FieldResolver(() => String, { description: 'First day in the Jalali calendar, YYYY/MM/DD' })
  startedOnJalali(@Root() a: Appointment): string {
    return toJalali(a.startedOn);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Last day in the Jalali calendar, YYYY/MM/DD' })
  endedOnJalali(@Root() a: Appointment): string | null {
    return a.endedOn ? toJalali(a.endedOn) : null;
  }
}
