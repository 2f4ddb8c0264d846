import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { todayInIran } from '../../common/dates';
import type { Context } from '../../server/context';
import { Agency, AgencyKind } from '../agency/agency.entity';
import { Region } from '../region/region.entity';
import type { RegionView } from '../region/region-directory';
import { regionOf } from '../region/region.service';
import { DataSharingAgreement } from './agreement.entity';
import { CreateAgreementInput } from './agreement.inputs';
import { createAgreement, listAgreements, revokeAgreement } from './agreement.service';

@Resolver(() => DataSharingAgreement)
export class AgreementResolver {
  @Query(() => [DataSharingAgreement], { nullable: true, description: 'Agreements you are party to (all of them for the provincial governorate)' })
  dataSharingAgreements(@Ctx() ctx: Context): Promise<DataSharingAgreement[]> {
    return listAgreements(ctx);
  }

  @Mutation(() => DataSharingAgreement, { nullable: true, description: 'Creates an agreement (provincial governorate admins and directors)' })
  createDataSharingAgreement(@Ctx() ctx: Context, @Arg('input') input: CreateAgreementInput): Promise<DataSharingAgreement> {
    return createAgreement(ctx, input);
  }

  @Mutation(() => DataSharingAgreement, { nullable: true, description: 'Revokes an agreement at once' })
  revokeDataSharingAgreement(@Ctx() ctx: Context, @Arg('code') code: string): Promise<DataSharingAgreement> {
    return revokeAgreement(ctx, code);
  }

  @FieldResolver(() => Agency, { description: 'The agency that grants access: see coversOnlyGrantorData' })
  grantor(@Root() a: DataSharingAgreement): Promise<Agency> {
    return a.grantor.load() as Promise<Agency>;
  }

  @FieldResolver(() => Boolean, {
    description: 'True when the grantor is not the provincial governorate: the grantee then sees only observations the grantor reported itself '
      + '(an agency can share only what it holds). False: any harm data in the agreement\'s scope',
  })
  async coversOnlyGrantorData(@Root() a: DataSharingAgreement): Promise<boolean> {
    return (await a.grantor.load())!.kind !== AgencyKind.PROVINCIAL_GOVERNORATE;
  }

  @FieldResolver(() => Agency)
  grantee(@Root() a: DataSharingAgreement): Promise<Agency> {
    return a.grantee.load() as Promise<Agency>;
  }

  @FieldResolver(() => Region)
  regionRoot(@Ctx() ctx: Context, @Root() a: DataSharingAgreement): Promise<RegionView> {
    return regionOf(ctx, a.regionRoot.id);
  }

  @FieldResolver(() => Boolean, { description: 'In force today: within its dates and not revoked' })
  active(@Root() a: DataSharingAgreement): boolean {
    const today = todayInIran();
    return !a.revokedAt && a.validFrom <= today && a.validTo >= today;
  }
}
