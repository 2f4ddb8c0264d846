import type { FilterQuery } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';
import { BadInputError, ConflictError, NotFoundError } from '../../common/errors';
import { paginate, type Page } from '../../common/pagination';
import { cleanName, escapeLike, normalizeForSearch } from '../../common/text';
import { assertMay } from '../../policy/policy';
import { recordAudit } from '../audit/audit-event.service';
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
  recordAudit(ctx.em, ctx.viewer, 'agency.create', input.code, { kind: input.kind, jurisdiction: jurisdiction.code, parent: parent?.code ?? null });
  await ctx.em.flush();
  return agency;
}

/**
 * Names and fields of activity: the agency's own admins or the provincial governorate. Kind,
 * jurisdiction and parent decide what the agency's members may see and enter: the provincial
 * governorate only (never the agency itself), each change recorded in the audit trail with the
 * values before and after, in the same transaction.
 */
export async function updateAgency(ctx: Context, code: string, input: UpdateAgencyInput): Promise<Agency> {
  const agency = await getAgency(ctx, code);
  const redefines = input.jurisdictionCode != null || input.kind != null || input.parentCode != null;
  assertMay(ctx.viewer, redefines ? 'agency.redefine' : 'agency.update', [agency.id]);
  // Everything is read and checked before anything changes (a query would flush a half-made change).
  const nameFa = input.nameFa != null ? cleanName('nameFa', input.nameFa) : undefined;
  const nameEn = input.nameEn != null ? cleanName('nameEn', input.nameEn) : undefined;
  const fields = input.fieldsOfActivity != null ? input.fieldsOfActivity.map((f, i) => cleanName(`fieldsOfActivity.${i}`, f, 2, 100)) : undefined;
  const region = input.jurisdictionCode != null ? await regionByCode(ctx, input.jurisdictionCode, 'jurisdictionCode') : undefined;
  let parent: Agency | undefined;
  if (input.parentCode != null) {
    parent = (await findAgency(ctx, input.parentCode)) ?? undefined;
    if (!parent) throw BadInputError.field('parentCode', `no agency has the code ${JSON.stringify(input.parentCode)}`);
    for (let up: Agency | null = parent, depth = 0; up && depth < 50; up = (await up.parent?.load()) ?? null, depth++) {
      if (up.id === agency.id) throw BadInputError.field('parentCode', `${parent.code} is ${agency.code} or lies under it: an agency cannot be its own ancestor`);
    }
  }
  const before = redefines
    ? { kind: agency.kind, jurisdiction: (await agency.jurisdiction.load())!.code, parent: (await agency.parent?.load())?.code ?? null }
    : undefined;
  // Absent and null both mean "leave as it is".
  if (nameFa !== undefined) agency.nameFa = nameFa;
  if (nameEn !== undefined) agency.nameEn = nameEn;
  if (fields !== undefined) agency.fieldsOfActivity = fields;
  if (before) {
    if (region) agency.jurisdiction = ctx.em.getReference(Region, region.id, { wrapped: true });
    if (input.kind != null) agency.kind = input.kind;
    if (parent) agency.parent = ctx.em.getReference(Agency, parent.id, { wrapped: true });
    const after = { kind: agency.kind, jurisdiction: region?.code ?? before.jurisdiction, parent: parent?.code ?? before.parent };
    recordAudit(ctx.em, ctx.viewer, 'agency.redefine', agency.code, { before, after });
  }
  await ctx.em.flush();
  return agency;
}
