import { IsEmail, IsOptional, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ISO_DATE } from '../../common/dates';
import { Role } from './membership.entity';

@InputType({ description: 'A person not yet known to the hub' })
export class NewPersonInput {
  @Field()
  @Length(2, 200)
  fullNameFa!: string;

  @Field()
  @Length(2, 200)
  fullNameEn!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9]{7,15}$/, { message: 'phone must be 7–15 digits, optionally with a leading +' })
  phone?: string;

  @Field({ nullable: true, description: '10-digit Iranian national ID' })
  @IsOptional()
  @Matches(/^[0-9]{10}$/, { message: 'nationalId must be 10 digits' })
  nationalId?: string;
}

@InputType()
export class AddMembershipInput {
  @Field()
  @MaxLength(48)
  agencyCode!: string;

  @Field({ description: 'The person, by email; created from `newPerson` when the hub does not know them' })
  @IsEmail({}, { message: 'personEmail must be an email address' })
  @MaxLength(254)
  personEmail!: string;

  @Field(() => NewPersonInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  newPerson?: NewPersonInput;

  @Field(() => Role)
  role!: Role;

  @Field({ nullable: true, description: 'Code of a unit of the agency' })
  @IsOptional()
  @MaxLength(48)
  unitCode?: string;

  @Field({ nullable: true, description: 'First day (YYYY-MM-DD); today by default' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'validFrom must be a date written YYYY-MM-DD' })
  validFrom?: string;

  @Field({ nullable: true, description: 'Last day (YYYY-MM-DD); open-ended by default' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'validTo must be a date written YYYY-MM-DD' })
  validTo?: string;
}

@InputType()
export class EndMembershipInput {
  @Field(() => ID)
  @Matches(/^[0-9]{1,12}$/, { message: 'membershipId must be a membership id' })
  membershipId!: string;

  @Field({ nullable: true, description: 'Last day (YYYY-MM-DD); today by default' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'validTo must be a date written YYYY-MM-DD' })
  validTo?: string;
}

@InputType()
export class MembershipIdInput {
  @Field(() => ID)
  @Matches(/^[0-9]{1,12}$/, { message: 'membershipId must be a membership id' })
  membershipId!: string;
}
