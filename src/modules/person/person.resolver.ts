import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { Agency, AgencyUnit } from '../agency/agency.entity';
import { Membership } from './membership.entity';
import { addMembership, answerMembership, currentMembershipsOf, endMembership, invitationsOf, isCurrent } from './membership.service';
import { Person } from './person.entity';
import { AddMembershipInput, EndMembershipInput, MembershipIdInput } from './person.inputs';

@ObjectType({ simpleResolvers: true, description: 'The caller: the person the token names and the memberships they act under' })
export class Me {
  @Field(() => Person)
  person!: Person;

  @Field(() => Membership, { nullable: true, description: 'The membership this request acts under (chosen with the X-Pol-Membership header; the first by default)' })
  acting?: Membership;

  @Field(() => [Membership], { nullable: true, description: 'All current memberships' })
  memberships!: Membership[];

  @Field(() => [Membership], { nullable: true, description: 'Memberships offered to you and waiting for your answer (acceptMembership or declineMembership)' })
  invitations!: Membership[];
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Me, { nullable: true, description: 'The caller; null without a token' })
  async me(@Ctx() ctx: Context): Promise<Me | null> {
    const { viewer } = ctx;
    if (!viewer.person) return null;
    const [person, memberships, invitations] = await Promise.all([ctx.em.findOneOrFail(Person, viewer.person.id), currentMembershipsOf(ctx), invitationsOf(ctx)]);
    return { person, memberships, invitations, acting: memberships.find((m) => m.id === viewer.membership?.id) };
  }

  @Mutation(() => Membership, { nullable: true, description: 'Adds a person (registering them if new) to an agency in a role' })
  addMembership(@Ctx() ctx: Context, @Arg('input') input: AddMembershipInput): Promise<Membership> {
    return addMembership(ctx, input);
  }

  @Mutation(() => Membership, { nullable: true, description: 'Ends a membership on a given day (today by default); ending it today or on an earlier day takes effect at once' })
  endMembership(@Ctx() ctx: Context, @Arg('input') input: EndMembershipInput): Promise<Membership> {
    return endMembership(ctx, input);
  }

  @Mutation(() => Membership, { nullable: true, description: 'Accepts a membership offered to you: it is in force from now' })
  acceptMembership(@Ctx() ctx: Context, @Arg('input') input: MembershipIdInput): Promise<Membership> {
    return answerMembership(ctx, input, true);
  }

  @Mutation(() => Membership, { nullable: true, description: 'Declines a membership offered to you: it is ended' })
  declineMembership(@Ctx() ctx: Context, @Arg('input') input: MembershipIdInput): Promise<Membership> {
    return answerMembership(ctx, input, false);
  }

  @FieldResolver(() => [Membership], { nullable: true, description: 'Current memberships' })
  async memberships(@Root() person: Person): Promise<Membership[]> {
    return (await person.memberships.load()).getItems().filter((m) => isCurrent(m)).sort((a, b) => a.id - b.id);
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Person)
  person(@Root() m: Membership): Promise<Person> {
    return m.person.load() as Promise<Person>;
  }

  @FieldResolver(() => Agency)
  agency(@Root() m: Membership): Promise<Agency> {
    return m.agency.load() as Promise<Agency>;
  }

  @FieldResolver(() => AgencyUnit, { nullable: true })
  unit(@Root() m: Membership): Promise<AgencyUnit> | null {
    return m.unit ? (m.unit.load() as Promise<AgencyUnit>) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the membership is in force now (accepted, within its days, not ended)' })
  current(@Root() m: Membership): boolean {
    return isCurrent(m);
  }
}
