import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { PeriodType } from '../../common/jalali';
import { Agency, AgencyKind } from '../agency/agency.entity';
import { Person } from '../person/person.entity';
import { JalaliPeriod } from '../period/period.entity';
import { Region, RegionLevel } from '../region/region.entity';
import { AgeGroup, IndicatorUnit, ObservationStatus, Sensitivity, Sex } from './harm.enums';

@Entity({ tableName: 'harm_category' })
@ObjectType({ simpleResolvers: true, description: 'A kind of social harm: addiction, domestic violence, divorce, child labour, …' })
export class HarmCategory extends BaseEntity {
  @Field()
  @Property({ length: 48, unique: true })
  code!: string;

  @Field()
  @Property({ length: 200 })
  nameFa!: string;

  @Field()
  @Property({ length: 200 })
  nameEn!: string;
}

@Entity({ tableName: 'indicator' })
@ObjectType({ simpleResolvers: true, description: 'A measured quantity about a harm, reported per region and Jalali period' })
export class Indicator extends BaseEntity {
  @Field()
  @Property({ length: 48, unique: true })
  code!: string;

  @Field()
  @Property({ length: 300 })
  nameFa!: string;

  @Field()
  @Property({ length: 300 })
  nameEn!: string;

  @ManyToOne(() => HarmCategory, { ref: true, index: true })
  category!: Ref<HarmCategory>;

  @Field(() => IndicatorUnit)
  @Enum({ items: () => IndicatorUnit, nativeEnumName: 'indicator_unit' })
  unit!: IndicatorUnit;

  @Field(() => Sensitivity)
  @Enum({ items: () => Sensitivity, nativeEnumName: 'sensitivity' })
  sensitivity!: Sensitivity;

  @Field(() => Int, { description: 'Values from 1 to k−1 are suppressed outside the reporting agency and the monitoring deputy' })
  @Property({ type: 'int', default: 5 })
  suppressionK: number & Opt = 5;

  @Field(() => RegionLevel, { description: 'The finest region level at which it is reported' })
  @Enum({ items: () => RegionLevel, nativeEnumName: 'region_level' })
  finestLevel!: RegionLevel;

  @Field(() => PeriodType)
  @Enum({ items: () => PeriodType, nativeEnumName: 'period_type' })
  periodType!: PeriodType;

  @Field(() => [AgencyKind], { description: 'Kinds of agency that report it' })
  @Enum({ items: () => AgencyKind, array: true, nativeEnumName: 'agency_kind' })
  reporterKinds!: AgencyKind[];

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  definitionFa?: string;

  @Field({ nullable: true })
  @Property({ type: 'text', nullable: true })
  definitionEn?: string;

  @Field(() => Boolean, { description: 'Whether it can be shown per 10,000 population' })
  @Property({ type: 'boolean', default: false })
  per10k: boolean & Opt = false;
}

/** One submission of observations, remembered by its idempotency key. */
@Entity({ tableName: 'observation_batch' })
@Index({ name: 'observation_batch_key', expression: 'create unique index "observation_batch_key" on "observation_batch" ("agency_id", "idempotency_key")' })
export class ObservationBatch extends BaseEntity {
  @ManyToOne(() => Agency, { ref: true })
  agency!: Ref<Agency>;

  @Property({ length: 100 })
  idempotencyKey!: string;

  /** Hash of the rows, so that a key reused for other rows is caught. */
  @Property({ length: 64 })
  digest!: string;

  @ManyToOne(() => Person, { ref: true })
  submittedBy!: Ref<Person>;

  @Property()
  rowCount!: number;

  @Property()
  createdCount!: number;

  @Property()
  correctedCount!: number;
}

/**
 * A value of an indicator for a region, a Jalali period and a disaggregation. One current row per
 * (indicator, region, period, sex, age group); a correction adds a new version and keeps the old.
 */
@Entity({ tableName: 'observation' })
@ObjectType({ simpleResolvers: true, description: 'A value of an indicator for a region, a Jalali period and a sex and age group' })
@Index({
  name: 'observation_current_key',
  expression: 'create unique index "observation_current_key" on "observation" ("indicator_id", "region_id", "period_code", "sex", "age_group") where "is_current"',
})
@Index({
  name: 'observation_published_key',
  expression: 'create unique index "observation_published_key" on "observation" ("indicator_id", "region_id", "period_code", "sex", "age_group") where "is_published"',
})
@Index({ name: 'observation_indicator_period', properties: ['indicator', 'period'] })
@Index({ name: 'observation_region_period', properties: ['region', 'period'] })
export class Observation {
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Indicator, { ref: true })
  indicator!: Ref<Indicator>;

  @ManyToOne(() => Region, { ref: true })
  region!: Ref<Region>;

  @ManyToOne(() => JalaliPeriod, { ref: true, fieldName: 'period_code' })
  period!: Ref<JalaliPeriod>;

  @Field(() => Sex)
  @Enum({ items: () => Sex, nativeEnumName: 'sex' })
  sex!: Sex;

  @Field(() => AgeGroup)
  @Enum({ items: () => AgeGroup, nativeEnumName: 'age_group' })
  ageGroup!: AgeGroup;

  /** Stored value; what a caller sees is `value` in GraphQL, suppressed where the policy says. */
  @Property({ type: 'double' })
  rawValue!: number;

  @ManyToOne(() => Agency, { ref: true, index: true })
  reportingAgency!: Ref<Agency>;

  @ManyToOne(() => Person, { ref: true })
  enteredBy!: Ref<Person>;

  @Field(() => ObservationStatus)
  @Enum({ items: () => ObservationStatus, nativeEnumName: 'observation_status' })
  status!: ObservationStatus;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  reviewedBy?: Ref<Person>;

  @Property({ type: 'timestamptz', nullable: true })
  reviewedAt?: Date;

  @Property({ type: 'text', nullable: true })
  rejectionReason?: string;

  @Property({ type: 'text', nullable: true })
  note?: string;

  @Field(() => Int, { description: 'Version of this cell: 1, then one more for each correction' })
  @Property({ type: 'int', default: 1 })
  version: number & Opt = 1;

  @Field(() => Boolean, { description: 'False for versions replaced by a correction' })
  @Property({ type: 'boolean', default: true })
  isCurrent: boolean & Opt = true;

  // Indexed: deleting or replacing rows checks these references.
  @ManyToOne(() => Observation, { ref: true, nullable: true, index: true })
  previousVersion?: Ref<Observation>;

  @ManyToOne(() => ObservationBatch, { ref: true, nullable: true, index: true })
  batch?: Ref<ObservationBatch>;

  /**
   * The approved version in force: what everyone but the reporting agency and the monitoring deputy
   * sees. A correction waiting for approval leaves it in place; approving the correction moves it.
   * So every audience sees one consistent approved state of each table.
   */
  @Property({ type: 'boolean', default: false })
  isPublished: boolean & Opt = false;

  /**
   * Withheld from audiences other than the reporting agency and the monitoring deputy (set on
   * published rows): a small count (1..k−1), or a cell withheld to protect one. Recomputed for the
   * whole table whenever what is published or pending in it changes (disclosure.ts).
   */
  @Property({ type: 'boolean', default: false })
  smallCell: boolean & Opt = false;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  /** Set per request: whether this caller sees `value` withheld (not stored). */
  @Property({ type: 'boolean', persist: false })
  suppressedForViewer?: boolean;
}

/**
 * When the small-count pattern of a table (an indicator in a period) was last computed, and by
 * which version of the method: tables computed by an older one are computed again at start.
 */
@Entity({ tableName: 'small_count_pattern' })
export class SmallCountPattern {
  @PrimaryKey({ type: 'int' })
  indicatorId!: number;

  @PrimaryKey({ length: 8 })
  periodCode!: string;

  @Property({ type: 'int' })
  method!: number;

  @Property({ type: 'int', default: 0 })
  withheld: number & Opt = 0;

  /** Small counts whose certified range stays below k against some agency that reported cells of the table itself. */
  @Property({ type: 'int', default: 0 })
  uncertified: number & Opt = 0;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  computedAt: Date & Opt = new Date();
}
