import { BadInputError, ConflictError, NotFoundError, parseId } from '../../common/errors';
import { isIsoDate, todayInIran } from '../../common/dates';
import { cleanEmail, cleanName } from '../../common/text';
import { assertMay } from '../../policy/policy';
import type { Context } from '../../server/context';
import { AgencyUnit } from '../agency/agency.entity';
import { getAgency } from '../agency/agency.service';
import { Membership } from './membership.entity';
import { Person } from './person.entity';
import type { AddMembershipInput, EndMembershipInput } from './person.inputs';

export function isCurrent(m: Pick<Membership, 'validFrom' | 'validTo'>, today = todayInIran()): boolean {
  return m.validFrom <= today && (!m.validTo || m.validTo >= today);
}

/** Absent or null means "not given"; anything else must be a real calendar day. */
function checkDate(field: string, value: string | null | undefined): void {
  if (value != null && !isIsoDate(value)) throw BadInputError.field(field, `${value} is not a calendar date`);
}

/** The memberships a viewer holds now, as entities (for `me`). */
export function currentMembershipsOf(ctx: Context): Promise<Membership[]> {
  const ids = ctx.viewer.memberships.map((m) => m.id);
  return ids.length ? ctx.em.find(Membership, { id: { $in: ids } }, { orderBy: { id: 'asc' } }) : Promise.resolve([]);
}

export async function addMembership(ctx: Context, input: AddMembershipInput): Promise<Membership> {
  const agency = await getAgency(ctx, input.agencyCode);
  assertMay(ctx.viewer, 'membership.manage', [agency.id]);
  checkDate('validFrom', input.validFrom);
  checkDate('validTo', input.validTo);
  const validFrom = input.validFrom ?? todayInIran();
  if (input.validTo && input.validTo < validFrom) throw BadInputError.field('validTo', 'must not be before validFrom');
  let unit: AgencyUnit | undefined;
  if (input.unitCode) {
    unit = (await ctx.em.findOne(AgencyUnit, { code: input.unitCode, agency })) ?? undefined;
    if (!unit) throw BadInputError.field('unitCode', `${agency.code} has no unit ${JSON.stringify(input.unitCode)}`);
  }
  const email = cleanEmail('personEmail', input.personEmail);
  let person = await ctx.em.findOne(Person, { email });
  if (!person) {
    if (!input.newPerson) throw BadInputError.field('newPerson', `no person has the email ${email}; give newPerson to register them`);
    const { nationalId } = input.newPerson;
    if (nationalId && (await ctx.em.count(Person, { nationalId }))) throw BadInputError.field('newPerson.nationalId', 'another person has this national ID');
    person = ctx.em.create(Person, {
      email,
      fullNameFa: cleanName('newPerson.fullNameFa', input.newPerson.fullNameFa, 2, 200),
      fullNameEn: cleanName('newPerson.fullNameEn', input.newPerson.fullNameEn, 2, 200),
      phone: input.newPerson.phone ?? undefined,
      nationalId: nationalId ?? undefined,
    });
  } else {
    const overlapping = await ctx.em.count(Membership, {
      person, agency, role: input.role, unit: unit ?? null,
      validFrom: { $lte: input.validTo ?? '9999-12-31' },
      $or: [{ validTo: null }, { validTo: { $gte: validFrom } }],
    });
    if (overlapping) throw new ConflictError(`${email} already holds that role at ${agency.code} in that period`);
  }
  const membership = ctx.em.create(Membership, { person, agency, unit, role: input.role, validFrom, validTo: input.validTo });
  // Person and membership are written in one transaction.
  await ctx.em.flush();
  return membership;
}

export async function endMembership(ctx: Context, input: EndMembershipInput): Promise<Membership> {
  const membership = await ctx.em.findOne(Membership, { id: Number(parseId('membershipId', input.membershipId)) });
  if (!membership) throw new NotFoundError('membership', input.membershipId);
  assertMay(ctx.viewer, 'membership.manage', [membership.agency.id]);
  checkDate('validTo', input.validTo);
  const validTo = input.validTo ?? todayInIran();
  if (membership.validTo && membership.validTo <= validTo) throw new ConflictError(`the membership ends already on ${membership.validTo}`);
  if (validTo < membership.validFrom) throw BadInputError.field('validTo', `must not be before the membership's first day ${membership.validFrom}`);
  membership.validTo = validTo;
  await ctx.em.flush();
  return membership;
}
