import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Connection } from '../../common/pagination';
import type { Context } from '../../server/context';
import { Membership } from '../person/membership.entity';
import { Post } from '../post/post.entity';
import { Region } from '../region/region.entity';
import type { RegionView } from '../region/region-directory';
import { regionOf } from '../region/region.service';
import { Agency, AgencyUnit } from './agency.entity';
import { AgenciesArgs, CreateAgencyInput, UpdateAgencyInput } from './agency.inputs';
import { createAgency, findAgency, listAgencies, updateAgency } from './agency.service';
import { isCurrent } from '../person/membership.service';

export const AgencyConnection = Connection(Agency);

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true, description: 'An agency by its code' })
  agency(@Ctx() ctx: Context, @Arg('code') code: string): Promise<Agency | null> {
    return findAgency(ctx, code);
  }

  @Query(() => AgencyConnection, { description: 'Agencies, filtered by kind, jurisdiction subtree or name' })
  agencies(@Ctx() ctx: Context, @Args() args: AgenciesArgs) {
    return listAgencies(ctx, args, AgencyConnection);
  }

  @Mutation(() => Agency, { nullable: true, description: 'Registers a partner agency (provincial governorate admins and directors)' })
  createAgency(@Ctx() ctx: Context, @Arg('input') input: CreateAgencyInput): Promise<Agency> {
    return createAgency(ctx, input);
  }

  @Mutation(() => Agency, { nullable: true, description: 'Changes an agency (its own admins, or provincial governorate admins and directors)' })
  updateAgency(@Ctx() ctx: Context, @Arg('code') code: string, @Arg('input') input: UpdateAgencyInput): Promise<Agency> {
    return updateAgency(ctx, code, input);
  }

  @FieldResolver(() => Region)
  jurisdiction(@Ctx() ctx: Context, @Root() agency: Agency): Promise<RegionView> {
    return regionOf(ctx, agency.jurisdiction.id);
  }

  @FieldResolver(() => Agency, { nullable: true })
  parent(@Root() agency: Agency): Promise<Agency> | null {
    return agency.parent ? (agency.parent.load() as Promise<Agency>) : null;
  }

  @FieldResolver(() => [AgencyUnit])
  async units(@Root() agency: Agency): Promise<AgencyUnit[]> {
    return (await agency.units.load()).getItems().sort((a, b) => a.code.localeCompare(b.code));
  }

  @FieldResolver(() => [Membership], { nullable: true, description: 'Memberships, current ones unless `includeEnded`' })
  async memberships(
    @Root() agency: Agency,
    @Arg('includeEnded', { defaultValue: false }) includeEnded: boolean,
  ): Promise<Membership[]> {
    const all = (await agency.memberships.load()).getItems();
    return (includeEnded ? all : all.filter((m) => isCurrent(m))).sort((a, b) => a.id - b.id);
  }

  @FieldResolver(() => [Post])
  async posts(@Root() agency: Agency): Promise<Post[]> {
    return (await agency.posts.load()).getItems().sort((a, b) => a.code.localeCompare(b.code));
  }
}

@Resolver(() => AgencyUnit)
export class AgencyUnitResolver {
  @FieldResolver(() => Agency)
  agency(@Root() unit: AgencyUnit): Promise<Agency> {
    return unit.agency.load() as Promise<Agency>;
  }
}
