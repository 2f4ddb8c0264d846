import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../../common/pagination';
import { AGENCY_CODE_PATTERN, AgencyKind } from './agency.entity';

@ArgsType()
export class AgenciesArgs extends PageArgs {
  @Field(() => AgencyKind, { nullable: true })
  kind?: AgencyKind;

  @Field({ nullable: true, description: 'Only agencies whose jurisdiction lies in the subtree of this region code (the region itself included)' })
  within?: string;

  @Field({ nullable: true, description: 'Part of a Persian or English name or a code' })
  search?: string;
}

@InputType()
export class CreateAgencyInput {
  @Field({ description: 'Unique code: capital Latin letters, digits and hyphens' })
  @Matches(AGENCY_CODE_PATTERN, { message: 'code must be 2–48 capital Latin letters, digits or hyphens' })
  code!: string;

  @Field()
  @Length(2, 300)
  nameFa!: string;

  @Field()
  @Length(2, 300)
  nameEn!: string;

  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Field({ description: 'Code of the region the agency answers for' })
  @MaxLength(32)
  jurisdictionCode!: string;

  @Field({ nullable: true, description: 'Code of the parent agency' })
  @IsOptional()
  @MaxLength(48)
  parentCode?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(2, 100, { each: true })
  fieldsOfActivity?: string[];
}

@InputType({
  description: 'Only the fields given are changed. Names and fields of activity: the agency\'s own admins and the provincial governorate. '
    + 'Kind, jurisdiction and parent define what the agency may see: the provincial governorate only, every change in the audit trail',
})
export class UpdateAgencyInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 300)
  nameFa?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 300)
  nameEn?: string;

  @Field({ nullable: true, description: 'Code of the region the agency answers for (provincial governorate only)' })
  @IsOptional()
  @MaxLength(32)
  jurisdictionCode?: string;

  @Field(() => AgencyKind, { nullable: true, description: 'Provincial governorate only' })
  @IsOptional()
  kind?: AgencyKind;

  @Field({ nullable: true, description: 'Code of the parent agency (provincial governorate only)' })
  @IsOptional()
  @MaxLength(48)
  parentCode?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(2, 100, { each: true })
  fieldsOfActivity?: string[];
}
