import type { FilterQuery } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';
import { escapeLike, normalizeForSearch } from '../../common/text';
import { pageOfList, type Page } from '../../common/pagination';
import type { Context } from '../../server/context';
import { Region } from './region.entity';
import type { RegionView } from './region-directory';
import type { RegionsArgs } from './region.resolver';

export function findRegion(ctx: Context, code: string): Promise<Region | null> {
  return ctx.em.findOne(Region, { code });
}

/** Codes of a region's ancestors, root first, read from its path `/KSH/KSH-01/…/`. */
export function ancestorCodes(path: string): string[] {
  return path.split('/').filter(Boolean).slice(0, -1);
}

/** The region a row refers to by foreign key (so it exists), from the directory or the database. */
export async function regionOf(ctx: Context, id: number): Promise<RegionView> {
  const region = await ctx.loaders.regionById.load(id);
  if (!region) throw new Error(`region ${id} not found, although a row refers to it`);
  return region;
}

export async function regionAncestors(ctx: Context, region: RegionView): Promise<RegionView[]> {
  const found = await ctx.loaders.regionByCode.loadMany(ancestorCodes(region.path));
  const failed = found.find((r) => r instanceof Error);
  if (failed) throw failed;
  return found.filter((r): r is RegionView => r !== undefined);
}

/** Where-clause for a subtree: one prefix match on the indexed path. */
export function subtreeOf(path: string, includeRoot = false): FilterQuery<Region> {
  const sub = { path: { $like: `${escapeLike(path)}%` } };
  return includeRoot ? sub : { $and: [sub, { path: { $ne: path } }] };
}

/**
 * A condition on `alias.path`: the region is in the subtree of the region with this code (itself
 * included); an unknown code matches nothing (the pattern is null). Inside the caller's statement,
 * so a subtree filter costs no query of its own.
 */
export function subtreeSql(alias: string, code: string): { sql: string; params: unknown[] } {
  return {
    sql: `${alias}.path like (select replace(replace(replace(s.path, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' from region s where s.code = ?)`,
    params: [code],
  };
}

/** A page of regions, filtered in memory from the region directory (the same cursors as a page read in SQL). */
export async function listRegions(ctx: Context, args: RegionsArgs, Shape: ClassType<Page<RegionView>>): Promise<Page<RegionView>> {
  const directory = await ctx.regions();
  const filters: Array<(r: RegionView) => boolean> = [];
  if (args.level) filters.push((r) => r.level === args.level);
  if (args.parent) {
    const parent = directory.byCode.get(args.parent);
    filters.push((r) => parent !== undefined && r.parent?.id === parent.id);
  }
  if (args.within) {
    // An unknown root has an empty subtree.
    const root = directory.byCode.get(args.within);
    filters.push((r) => root !== undefined && r.path.startsWith(root.path) && r.path !== root.path);
  }
  if (args.search) {
    const needle = normalizeForSearch(args.search);
    filters.push((r) => directory.searchTextOf(r.id).includes(needle));
  }
  const matching = filters.length ? directory.all.filter((r) => filters.every((f) => f(r))) : directory.all;
  return pageOfList(matching, args, ctx.config.maxPageSize, Shape);
}
