import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageArgs } from '../../common/pagination';
import type { Context } from '../../server/context';
import { Agency } from '../agency/agency.entity';
import { Region, RegionLevel } from './region.entity';
import type { RegionView } from './region-directory';
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

  // The field resolvers read only ids and codes, so a region may be an entity or a directory copy.
  @FieldResolver(() => Region, { nullable: true })
  async parent(@Ctx() ctx: Context, @Root() region: RegionView): Promise<RegionView | null> {
    return region.parent ? ((await ctx.loaders.regionById.load(region.parent.id)) ?? null) : null;
  }

  @FieldResolver(() => [Region], { description: 'Direct children, by code' })
  async children(
    @Ctx() ctx: Context,
    @Root() region: RegionView,
    @Arg('level', () => RegionLevel, { nullable: true }) level?: RegionLevel,
  ): Promise<readonly RegionView[]> {
    const children = await ctx.loaders.childrenOfRegion.load(region.id);
    return level ? children.filter((r) => r.level === level) : children;
  }

  @FieldResolver(() => [Region], { description: 'From the province down to the parent' })
  ancestors(@Ctx() ctx: Context, @Root() region: RegionView): Promise<RegionView[]> {
    return regionAncestors(ctx, region);
  }

  @FieldResolver(() => [Agency], { description: 'Agencies whose jurisdiction is this region' })
  agencies(@Ctx() ctx: Context, @Root() region: RegionView): Promise<Agency[]> {
    return ctx.loaders.agenciesOfRegion.load(region.id);
  }
}
