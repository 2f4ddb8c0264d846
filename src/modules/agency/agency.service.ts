import type { FilterQuery } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';
import { BadInputError, ConflictError, NotFoundError } from '../../common/errors';
import { paginate, type Page } from '../../common/pagination';
import { cleanName, escapeLike, normalizeForSearch } from '../../common/text';
import { assertMay } from '../../policy/policy';
import type { Context } from '../../server/context';
import { Region } from '../region/region.entity';
import { subtreeOf } from '../region/region.service';
import { Agency } from './agency.entity';
import type { AgenciesArgs, CreateAgencyInput, UpdateAgencyInput } from './agency.inputs';

export function findAgency(ctx: Context, code: string): Promise<Agency | null> {
  return ctx.em.findOne(Agency, { code });
}

export async function getAgency(ctx: Context, code: string): Promise<Agency> {
  const agency = await findAgency(ctx, code);
  if (!agency) throw new NotFoundError('agency', code);
  return agency;
}

export async function listAgencies(ctx: Context, args: AgenciesArgs, Shape: ClassType<Page<Agency>>): Promise<Page<Agency>> {
  const where: FilterQuery<Agency>[] = [];
  if (args.kind) where.push({ kind: args.kind });
  if (args.within) {
    const root = await ctx.em.findOne(Region, { code: args.within });
    where.push(root ? { jurisdiction: subtreeOf(root.path, true) } : { id: -1 });
  }
  if (args.search) where.push({ searchText: { $like: `%${escapeLike(normalizeForSearch(args.search))}%` } });
  return paginate(ctx.em, Agency, where.length ? { $and: where } : {}, args, ctx.config.maxPageSize, Shape);
}

async function regionByCode(ctx: Context, code: string, field: string): Promise<Region> {
  const region = await ctx.em.findOne(Region, { code });
  if (!region) throw BadInputError.field(field, `no region has the code ${JSON.stringify(code)}`);
  return region;
}

export async function createAgency(ctx: Context, input: CreateAgencyInput): Promise<Agency> {
  assertMay(ctx.viewer, 'agency.create', []);
  if (await ctx.em.count(Agency, { code: input.code })) throw new ConflictError(`an agency with the code ${input.code} exists already`);
  const jurisdiction = await regionByCode(ctx, input.jurisdictionCode, 'jurisdictionCode');
  let parent: Agency | undefined;
  if (input.parentCode) {
    parent = (await findAgency(ctx, input.parentCode)) ?? undefined;
    if (!parent) throw BadInputError.field('parentCode', `no agency has the code ${JSON.stringify(input.parentCode)}`);
  }
  const agency = ctx.em.create(Agency, {
    code: input.code,
    nameFa: cleanName('nameFa', input.nameFa),
    nameEn: cleanName('nameEn', input.nameEn),
    kind: input.kind,
    jurisdiction,
    parent,
    fieldsOfActivity: (input.fieldsOfActivity ?? []).map((f, i) => cleanName(`fieldsOfActivity.${i}`, f, 2, 100)),
    searchText: '',
  });
  await ctx.em.flush();
  return agency;
}

export async function updateAgency(ctx: Context, code: string, input: UpdateAgencyInput): Promise<Agency> {
  const agency = await getAgency(ctx, code);
  assertMay(ctx.viewer, 'agency.update', [agency.id]);
  // Absent and null both mean "leave as it is".
  if (input.nameFa != null) agency.nameFa = cleanName('nameFa', input.nameFa);
  if (input.nameEn != null) agency.nameEn = cleanName('nameEn', input.nameEn);
  if (input.fieldsOfActivity != null) agency.fieldsOfActivity = input.fieldsOfActivity.map((f, i) => cleanName(`fieldsOfActivity.${i}`, f, 2, 100));
  if (input.jurisdictionCode != null) {
    const region = await regionByCode(ctx, input.jurisdictionCode, 'jurisdictionCode');
    agency.jurisdiction = ctx.em.getReference(Region, region.id, { wrapped: true });
  }
  await ctx.em.flush();
  return agency;
}
