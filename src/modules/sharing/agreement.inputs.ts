import { ArrayMaxSize, ArrayMinSize, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ISO_DATE } from '../../common/dates';
import { RegionLevel } from '../region/region.entity';

@InputType()
export class CreateAgreementInput {
  @Field({ description: 'Unique code, e.g. DSA-RAZI-2026' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,47}$/, { message: 'code must be 2–48 capital Latin letters, digits or hyphens' })
  code!: string;

  @Field({
    description: 'Agency that grants access. The provincial governorate may share any harm data in the agreement\'s scope; any other agency only the observations it reported itself',
  })
  @MaxLength(48)
  grantorCode!: string;

  @Field({ description: 'Agency that receives access' })
  @MaxLength(48)
  granteeCode!: string;

  @Field()
  @Length(5, 2000)
  purpose!: string;

  @Field(() => [String], { description: 'Harm category codes covered' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  categoryCodes!: string[];

  @Field({ description: 'Code of the root of the region subtree covered' })
  @MaxLength(32)
  regionRootCode!: string;

  @Field(() => RegionLevel, { description: 'Finest region level the grantee sees' })
  finestLevel!: RegionLevel;

  @Field()
  @Matches(ISO_DATE, { message: 'validFrom must be a date written YYYY-MM-DD' })
  validFrom!: string;

  @Field()
  @Matches(ISO_DATE, { message: 'validTo must be a date written YYYY-MM-DD' })
  validTo!: string;
}
