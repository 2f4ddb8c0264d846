import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { Agency, AgencyUnit } from '../agency/agency.entity';
import { Membership } from './membership.entity';
import { addMembership, currentMembershipsOf, endMembership, isCurrent } from './membership.service';
import { Person } from './person.entity';
import { AddMembershipInput, EndMembershipInput } from './person.inputs';

@ObjectType({ simpleResolvers: true, description: 'The caller: the person the token names and the memberships they act under' })
export class Me {
  @Field(() => Person)
  person!: Person;

  @Field(() => Membership, { nullable: true, description: 'The membership this request acts under (chosen with the X-Pol-Membership header; the first by default)' })
  acting?: Membership;

  @Field(() => [Membership], { nullable: true, description: 'All current memberships' })
  memberships!: Membership[];
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Me, { nullable: true, description: 'The caller; null without a token' })
  async me(@Ctx() ctx: Context): Promise<Me | null> {
    const { viewer } = ctx;
    if (!viewer.person) return null;
    const [person, memberships] = await Promise.all([ctx.em.findOneOrFail(Person, viewer.person.id), currentMembershipsOf(ctx)]);
    return { person, memberships, acting: memberships.find((m) => m.id === viewer.membership?.id) };
  }

  @Mutation(() => Membership, { nullable: true, description: 'Adds a person (registering them if new) to an agency in a role' })
  addMembership(@Ctx() ctx: Context, @Arg('input') input: AddMembershipInput): Promise<Membership> {
    return addMembership(ctx, input);
  }

  @Mutation(() => Membership, { nullable: true, description: 'Ends a membership on a given day (today by default)' })
  endMembership(@Ctx() ctx: Context, @Arg('input') input: EndMembershipInput): Promise<Membership> {
    return endMembership(ctx, input);
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

  @FieldResolver(() => Boolean, { description: 'Whether the membership is in force today' })
  current(@Root() m: Membership): boolean {
    return isCurrent(m);
  }
}
