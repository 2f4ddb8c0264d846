import { BadInputError, ConflictError, ForbiddenError, NotFoundError, parseId } from '../../common/errors';
import { isIsoDate, todayInIran } from '../../common/dates';
import { cleanEmail, cleanName } from '../../common/text';
import { grantRefusal, may } from '../../policy/policy';
import { recordAudit } from '../audit/audit-event.service';
import { AgencyKind } from '../agency/agency.entity';
import type { Context } from '../../server/context';
import { UnauthenticatedError } from '../../common/errors';
import { AgencyUnit } from '../agency/agency.entity';
import { getAgency } from '../agency/agency.service';
import { Membership } from './membership.entity';
import { Person } from './person.entity';
import type { AddMembershipInput, EndMembershipInput, MembershipIdInput } from './person.inputs';

/** In force: accepted, within its days, and not ended (an end takes effect at once). */
export function isCurrent(m: Pick<Membership, 'validFrom' | 'validTo' | 'endedAt' | 'acceptedAt'>, today = todayInIran(), now = new Date()): boolean {
  return !!m.acceptedAt && m.validFrom <= today && (!m.validTo || m.validTo >= today) && (!m.endedAt || m.endedAt > now);
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

function refuse(ctx: Context, reason: string | null): void {
  if (!reason) return;
  if (!ctx.viewer.person) throw new UnauthenticatedError();
  throw new ForbiddenError(reason);
}

/**
 * Adds a person to an agency in a role. Never to oneself nor above one's own role (`grantRefusal`).
 * A person the hub does not know is registered, their record belonging to this agency. A person
 * already known joins once they accept, unless their record belongs to this agency or a
 * provincial governorate admin (or the director general) adds them: nobody is enrolled by an
 * agency they did not choose, and enrolling someone gives no access to their contact data.
 */
export async function addMembership(ctx: Context, input: AddMembershipInput): Promise<Membership> {
  const agency = await getAgency(ctx, input.agencyCode);
  if (!may(ctx.viewer, 'membership.manage', [agency.id])) refuse(ctx, 'membership.manage: not allowed for your agency and role');
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
  const grant = { personId: person?.id ?? -1, agencyId: agency.id, agencyKind: agency.kind, unitKind: unit?.kind ?? null, role: input.role };
  refuse(ctx, grantRefusal(ctx.viewer, grant));
  if (!person && !input.newPerson) throw BadInputError.field('newPerson', `no person has the email ${email}; give newPerson to register them`);
  if (!person && input.newPerson?.nationalId && (await ctx.em.count(Person, { nationalId: input.newPerson.nationalId }))) {
    throw BadInputError.field('newPerson.nationalId', 'another person has this national ID');
  }
  if (person) {
    const overlapping = await ctx.em.count(Membership, {
      person, agency, role: input.role, unit: unit ?? null, endedAt: null,
      validFrom: { $lte: input.validTo ?? '9999-12-31' },
      $or: [{ validTo: null }, { validTo: { $gte: validFrom } }],
    });
    if (overlapping) throw new ConflictError(`${email} already holds that role at ${agency.code} in that period`);
  }
  const provincial = ctx.viewer.membership!.agencyKind === AgencyKind.PROVINCIAL_GOVERNORATE && may(ctx.viewer, 'membership.manage', [-1]);
  const accepted = !person || provincial || person.homeAgency?.id === agency.id;
  // Person, membership and audit record: one transaction.
  return ctx.em.transactional(async (em) => {
    const who = person ?? em.create(Person, {
      email,
      fullNameFa: cleanName('newPerson.fullNameFa', input.newPerson!.fullNameFa, 2, 200),
      fullNameEn: cleanName('newPerson.fullNameEn', input.newPerson!.fullNameEn, 2, 200),
      phone: input.newPerson!.phone ?? undefined,
      nationalId: input.newPerson!.nationalId ?? undefined,
      homeAgency: agency,
    });
    const membership = em.create(Membership, {
      person: who, agency, unit, role: input.role, validFrom, validTo: input.validTo, acceptedAt: accepted ? new Date() : undefined,
    });
    await em.flush();
    recordAudit(em, ctx.viewer, 'membership.add', String(membership.id), {
      person: email, agency: agency.code, unit: unit?.code ?? null, role: input.role, validFrom, validTo: input.validTo ?? null, waitsForAcceptance: !accepted,
    });
    return membership;
  });
}

/**
 * Ends a membership. An end on today or an earlier day takes effect at once (`endedAt`); a later
 * day ends it at the close of that day. One's own membership may always be ended; another's only
 * by who could have granted it.
 */
export async function endMembership(ctx: Context, input: EndMembershipInput): Promise<Membership> {
  const membership = await ctx.em.findOne(Membership, { id: Number(parseId('membershipId', input.membershipId)) }, { populate: ['agency', 'unit'] });
  if (!membership) throw new NotFoundError('membership', input.membershipId);
  const agency = membership.agency.getEntity();
  const grant = { personId: membership.person.id, agencyId: agency.id, agencyKind: agency.kind, unitKind: membership.unit?.getEntity().kind ?? null, role: membership.role };
  refuse(ctx, grantRefusal(ctx.viewer, grant, true));
  checkDate('validTo', input.validTo);
  const today = todayInIran();
  const validTo = input.validTo ?? today;
  if (membership.endedAt) throw new ConflictError(`the membership was ended already on ${membership.endedAt.toISOString()}`);
  if (membership.validTo && membership.validTo <= validTo) throw new ConflictError(`the membership ends already on ${membership.validTo}`);
  if (validTo < membership.validFrom) throw BadInputError.field('validTo', `must not be before the membership's first day ${membership.validFrom}`);
  membership.validTo = validTo;
  if (validTo <= today) membership.endedAt = new Date();
  recordAudit(ctx.em, ctx.viewer, 'membership.end', String(membership.id), { validTo, atOnce: validTo <= today });
  await ctx.em.flush();
  return membership;
}

/** The person a membership was offered to accepts it (from then on it is in force) or declines it (it is ended). */
export async function answerMembership(ctx: Context, input: MembershipIdInput, accept: boolean): Promise<Membership> {
  const me = ctx.viewer.person;
  if (!me) throw new UnauthenticatedError();
  const membership = await ctx.em.findOne(Membership, { id: Number(parseId('membershipId', input.membershipId)) });
  // Another person's membership is not found: its existence is none of the caller's business.
  if (!membership || membership.person.id !== me.id) throw new NotFoundError('membership', input.membershipId);
  if (membership.acceptedAt) throw new ConflictError('the membership was accepted already');
  if (membership.endedAt) throw new ConflictError('the membership was ended already');
  if (accept) membership.acceptedAt = new Date();
  else membership.endedAt = new Date();
  recordAudit(ctx.em, ctx.viewer, accept ? 'membership.accept' : 'membership.decline', String(membership.id), {});
  await ctx.em.flush();
  return membership;
}

/** Memberships offered to the caller and waiting for their answer. */
export function invitationsOf(ctx: Context): Promise<Membership[]> {
  const me = ctx.viewer.person;
  if (!me) return Promise.resolve([]);
  return ctx.em.find(Membership, { person: me.id, acceptedAt: null, endedAt: null, $or: [{ validTo: null }, { validTo: { $gte: todayInIran() } }] }, { orderBy: { id: 'asc' } });
}
