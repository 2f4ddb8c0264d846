import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageArgs } from '../../common/pagination';
import type { Context } from '../../server/context';
import { Agency } from '../agency/agency.entity';
import { Region, RegionLevel } from './region.entity';
import { findRegion, listRegions, regionAncestors } from './region.service';

export const RegionConnection = Connection(Region);

@ArgsType()
export class RegionsArgs extends PageArgs {
  @Field(() => RegionLevel, { nullable: true })
  level?: RegionLevel;

  @Field({ nullable: true, description: 'Only regions inside the subtree of the region with this code (the region itself excluded)' })
  within?: string;

  @Field({ nullable: true, description: 'Only direct children of the region with this code' })
  parent?: string;

  @Field({ nullable: true, description: 'Part of a Persian or English name or a code; Arabic letter variants, ZWNJ and spaces do not matter' })
  search?: string;
}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true, description: 'A region by its code' })
  region(@Ctx() ctx: Context, @Arg('code') code: string): Promise<Region | null> {
    return findRegion(ctx, code);
  }

  @Query(() => RegionConnection, { description: 'Regions, filtered by level, subtree, parent or name' })
  regions(@Ctx() ctx: Context, @Args() args: RegionsArgs) {
    return listRegions(ctx, args, RegionConnection);
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Root() region: Region): Promise<Region | null> | null {
    return region.parent ? region.parent.load() : null;
  }

  @FieldResolver(() => [Region], { description: 'Direct children, by code' })
  async children(@Root() region: Region, @Arg('level', () => RegionLevel, { nullable: true }) level?: RegionLevel): Promise<Region[]> {
    const items = (await region.children.load()).getItems();
    return items.filter((r) => !level || r.level === level).sort((a, b) => a.code.localeCompare(b.code));
  }

  @FieldResolver(() => [Region], { description: 'From the province down to the parent' })
  ancestors(@Ctx() ctx: Context, @Root() region: Region): Promise<Region[]> {
    return regionAncestors(ctx, region);
  }

  @FieldResolver(() => [Agency], { description: 'Agencies whose jurisdiction is this region' })
  async agencies(@Root() region: Region): Promise<Agency[]> {
    return (await region.agencies.load()).getItems().sort((a, b) => a.code.localeCompare(b.code));
  }
}
