import type { FilterQuery } from '@mikro-orm/postgresql';
import { BadInputError, ConflictError, NotFoundError } from '../../common/errors';
import { isIsoDate } from '../../common/dates';
import { assertMay } from '../../policy/policy';
import type { Context } from '../../server/context';
import { Agency, AgencyKind } from '../agency/agency.entity';
import { HarmCategory } from '../harm/harm.entity';
import { Person } from '../person/person.entity';
import { Region } from '../region/region.entity';
import { DataSharingAgreement } from './agreement.entity';
import type { CreateAgreementInput } from './agreement.inputs';
import { cleanText } from '../../common/text';
import { recordAudit } from '../audit/audit-event.service';

/** Agreements are visible to their grantor, their grantee and the provincial governorate. */
export function visibleAgreements(ctx: Context): FilterQuery<DataSharingAgreement> | null {
  const m = ctx.viewer.membership;
  if (!m) return null;
  if (m.agencyKind === AgencyKind.PROVINCIAL_GOVERNORATE) return {};
  return { $or: [{ grantor: m.agencyId }, { grantee: m.agencyId }] };
}

export async function listAgreements(ctx: Context): Promise<DataSharingAgreement[]> {
  const where = visibleAgreements(ctx);
  return where ? ctx.em.find(DataSharingAgreement, where, { orderBy: { id: 'asc' } }) : [];
}

async function agencyByCode(ctx: Context, code: string, field: string): Promise<Agency> {
  const a = await ctx.em.findOne(Agency, { code });
  if (!a) throw BadInputError.field(field, `no agency has the code ${JSON.stringify(code)}`);
  return a;
}

export async function createAgreement(ctx: Context, input: CreateAgreementInput): Promise<DataSharingAgreement> {
  assertMay(ctx.viewer, 'agreement.manage', []);
  if (!isIsoDate(input.validFrom)) throw BadInputError.field('validFrom', `${input.validFrom} is not a calendar date`);
  if (!isIsoDate(input.validTo)) throw BadInputError.field('validTo', `${input.validTo} is not a calendar date`);
  if (input.validTo < input.validFrom) throw BadInputError.field('validTo', 'must not be before validFrom');
  if (await ctx.em.count(DataSharingAgreement, { code: input.code })) throw new ConflictError(`an agreement with the code ${input.code} exists already`);
  const [grantor, grantee] = [await agencyByCode(ctx, input.grantorCode, 'grantorCode'), await agencyByCode(ctx, input.granteeCode, 'granteeCode')];
  if (grantor.id === grantee.id) throw BadInputError.field('granteeCode', 'grantor and grantee must differ');
  const codes = [...new Set(input.categoryCodes)];
  const known = await ctx.em.find(HarmCategory, { code: { $in: codes } });
  const unknown = codes.filter((c) => !known.some((k) => k.code === c));
  if (unknown.length) throw BadInputError.field('categoryCodes', `unknown harm categories: ${unknown.join(', ')}`);
  const root = await ctx.em.findOne(Region, { code: input.regionRootCode });
  if (!root) throw BadInputError.field('regionRootCode', `no region has the code ${JSON.stringify(input.regionRootCode)}`);
  const agreement = ctx.em.create(DataSharingAgreement, {
    code: input.code, grantor, grantee, purpose: cleanText('purpose', input.purpose, 5), categoryCodes: codes, regionRoot: root, finestLevel: input.finestLevel,
    validFrom: input.validFrom, validTo: input.validTo, createdBy: ctx.em.getReference(Person, ctx.viewer.person!.id),
  });
  recordAudit(ctx.em, ctx.viewer, 'agreement.create', input.code, {
    grantor: grantor.code, grantee: grantee.code, categories: codes, root: root.code, finest: input.finestLevel, validFrom: input.validFrom, validTo: input.validTo,
    onlyGrantorData: grantor.kind !== AgencyKind.PROVINCIAL_GOVERNORATE,
  });
  await ctx.em.flush();
  return agreement;
}

/** Revoked at once: the next request of the grantee no longer has the access. */
export async function revokeAgreement(ctx: Context, code: string): Promise<DataSharingAgreement> {
  assertMay(ctx.viewer, 'agreement.manage', []);
  const agreement = await ctx.em.findOne(DataSharingAgreement, { code });
  if (!agreement) throw new NotFoundError('agreement', code);
  if (agreement.revokedAt) throw new ConflictError(`agreement ${code} was revoked already`);
  agreement.revokedAt = new Date();
  agreement.revokedBy = ctx.em.getReference(Person, ctx.viewer.person!.id, { wrapped: true });
  recordAudit(ctx.em, ctx.viewer, 'agreement.revoke', code, {});
  await ctx.em.flush();
  return agreement;
}

