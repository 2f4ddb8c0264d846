import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { PeriodType } from '../../common/jalali';
import { PageArgs } from '../../common/pagination';
import { RegionLevel } from '../region/region.entity';
import { AgeGroup, ObservationStatus, Sensitivity, Sex } from './harm.enums';

export const MAX_BATCH_ROWS = 10_000;

@ArgsType()
export class IndicatorsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Code of a harm category' })
  category?: string;

  @Field(() => Sensitivity, { nullable: true })
  sensitivity?: Sensitivity;
}

@InputType()
export class ObservationFilter {
  @Field(() => [String], { nullable: true, description: 'Indicator codes' })
  @IsOptional()
  @ArrayMaxSize(100)
  indicators?: string[];

  @Field(() => [String], { nullable: true, description: 'Harm category codes' })
  @IsOptional()
  @ArrayMaxSize(50)
  categories?: string[];

  @Field({ nullable: true, description: 'Only regions in the subtree of this region code (itself included)' })
  @IsOptional()
  @MaxLength(32)
  within?: string;

  @Field(() => [RegionLevel], { nullable: true })
  @IsOptional()
  levels?: RegionLevel[];

  @Field({ nullable: true, description: 'First Jalali period, e.g. 1403-01, 1403-Q1 or 1403' })
  @IsOptional()
  @MaxLength(8)
  from?: string;

  @Field({ nullable: true, description: 'Last Jalali period' })
  @IsOptional()
  @MaxLength(8)
  to?: string;

  @Field(() => [ObservationStatus], { nullable: true, description: 'Other than APPROVED, only the reporting agency and the monitoring deputy see any' })
  @IsOptional()
  statuses?: ObservationStatus[];

  @Field(() => Sex, { nullable: true })
  @IsOptional()
  sex?: Sex;

  @Field(() => AgeGroup, { nullable: true })
  @IsOptional()
  ageGroup?: AgeGroup;

  @Field({ nullable: true, description: 'Also versions replaced by corrections (reporting agency and monitoring deputy)' })
  @IsOptional()
  includeHistory?: boolean;
}

@ArgsType()
export class ObservationsArgs extends PageArgs {
  @Field(() => ObservationFilter, { nullable: true })
  filter?: ObservationFilter;
}

@InputType({ description: 'One value: indicator × region × Jalali period × sex × age group' })
export class ObservationRowInput {
  @Field()
  @MaxLength(48)
  indicatorCode!: string;

  @Field()
  @MaxLength(32)
  regionCode!: string;

  @Field({ description: 'Jalali period of the indicator\'s type: 1404-07, 1404-Q3 or 1404' })
  @MaxLength(12)
  period!: string;

  @Field(() => Sex, { defaultValue: Sex.TOTAL })
  sex!: Sex;

  @Field(() => AgeGroup, { defaultValue: AgeGroup.TOTAL })
  ageGroup!: AgeGroup;

  @Field(() => Float)
  value!: number;

  @Field({ nullable: true, description: 'Free text from field workers (seen by the reporting agency and the monitoring deputy only)' })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}

@InputType()
export class SubmitObservationsInput {
  @Field({ description: 'Chosen by the client; the same key again returns the first result and saves nothing twice' })
  @Length(1, 100)
  @Matches(/^[\w.:-]+$/, { message: 'idempotencyKey may hold letters, digits and . _ : -' })
  idempotencyKey!: string;

  @Field(() => [ObservationRowInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ROWS, { message: `a batch holds at most ${MAX_BATCH_ROWS} rows` })
  rows!: ObservationRowInput[];

  @Field({ defaultValue: false, description: 'Save as DRAFT (not yet sent for approval)' })
  asDraft!: boolean;
}

@InputType()
export class ReviewInput {
  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ROWS)
  ids!: string[];
}

@InputType()
export class RejectInput extends ReviewInput {
  @Field({ description: 'Why, for the reporting agency' })
  @Length(3, 2000)
  reason!: string;
}

@InputType()
export class SeriesInput {
  @Field(() => [String], { description: 'Indicator codes (up to 50: the whole catalogue in one request)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  indicators!: string[];

  @Field(() => RegionLevel, { description: 'Level of the regions to show, e.g. COUNTY' })
  level!: RegionLevel;

  @Field({ nullable: true, description: 'Only regions in the subtree of this region code' })
  @IsOptional()
  @MaxLength(32)
  within?: string;

  @Field(() => [String], { nullable: true, description: 'Only these region codes' })
  @IsOptional()
  @ArrayMaxSize(500)
  regions?: string[];

  @Field(() => PeriodType, { description: 'Bucket: Jalali MONTH, QUARTER or YEAR' })
  granularity!: PeriodType;

  @Field({ description: 'First period, of the granularity\'s type (e.g. 1400-Q1)' })
  @MaxLength(8)
  from!: string;

  @Field({ description: 'Last period' })
  @MaxLength(8)
  to!: string;

  @Field(() => Sex, { defaultValue: Sex.TOTAL })
  sex!: Sex;

  @Field(() => AgeGroup, { defaultValue: AgeGroup.TOTAL })
  ageGroup!: AgeGroup;
}
