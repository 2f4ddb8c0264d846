import type { FilterQuery } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';
import { escapeLike, normalizeForSearch } from '../../common/text';
import { paginate, type Page } from '../../common/pagination';
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

export async function listRegions(ctx: Context, args: RegionsArgs, Shape: ClassType<Page<Region>>): Promise<Page<Region>> {
  const where: FilterQuery<Region>[] = [];
  if (args.level) where.push({ level: args.level });
  if (args.parent) where.push({ parent: { code: args.parent } });
  if (args.within) {
    const root = await ctx.em.findOne(Region, { code: args.within });
    // An unknown root has an empty subtree.
    where.push(root ? subtreeOf(root.path) : { id: -1 });
  }
  if (args.search) where.push({ searchText: { $like: `%${escapeLike(normalizeForSearch(args.search))}%` } });
  return paginate(ctx.em, Region, where.length ? { $and: where } : {}, args, ctx.config.maxPageSize, Shape);
}
