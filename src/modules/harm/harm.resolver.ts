import type { GraphQLResolveInfo } from 'graphql';
import { type ClassType, Arg, Args, Ctx, Info, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, paginate, type Page } from '../../common/pagination';
import type { Context } from '../../server/context';
import { Agency } from '../agency/agency.entity';
import { JalaliPeriod } from '../period/period.entity';
import { Person } from '../person/person.entity';
import { Region } from '../region/region.entity';
import type { RegionView } from '../region/region-directory';
import { regionOf } from '../region/region.service';
import { ObservationStatus } from './harm.enums';
import { HarmCategory, Indicator, Observation } from './harm.entity';
import { IndicatorsArgs, ObservationsArgs, RejectInput, ReviewInput, SeriesInput, SubmitObservationsInput } from './harm.inputs';
import { approveObservations, listObservations, rejectObservations, submitObservations, type ServedObservation } from './observation.service';
import { categoryById } from './catalogue';
import { selectedFieldNames } from '../../common/selection';
import { indicatorSeries, type SeriesPointData } from './stats.service';

export const IndicatorConnection = Connection(Indicator);
export const ObservationConnection = Connection(Observation);

@ObjectType({ simpleResolvers: true, description: 'What a submitted batch did' })
export class SubmitObservationsResult {
  @Field(() => ID)
  batchId!: string;

  @Field(() => Int)
  rows!: number;

  @Field(() => Int, { description: 'New cells' })
  created!: number;

  @Field(() => Int, { description: 'Cells that replaced an earlier version (sent back for approval)' })
  corrected!: number;

  @Field({ description: 'True when the idempotency key was seen before: nothing was saved this time' })
  replayed!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class ReviewResult {
  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'An indicator for one region and one Jalali period, from approved data' })
export class SeriesPoint implements Omit<SeriesPointData, 'grant'> {
  // Plain fields, not field resolvers: a resolver's @Root() would copy each point into a new SeriesPoint.
  @Field(() => Indicator)
  indicator!: Indicator;

  @Field(() => Region)
  region!: RegionView;

  @Field(() => JalaliPeriod)
  period!: JalaliPeriod;

  grant!: string;

  @Field(() => Float, { nullable: true, description: 'Sum (counts, amounts) or mean (rates, percentages) over the period; null when withheld' })
  value!: number | null;

  @Field({ description: 'True when the value is withheld to protect small counts' })
  suppressed!: boolean;

  @Field(() => Int, { description: 'Observations the value is built from' })
  cells!: number;

  @Field(() => Int, { nullable: true })
  population!: number | null;

  @Field(() => Float, { nullable: true, description: 'Value per 10,000 population, where the indicator allows it' })
  ratePer10k!: number | null;

  @Field(() => Float, { nullable: true, description: 'Value of the previous period' })
  previous!: number | null;

  @Field(() => Float, { nullable: true })
  changeFromPrevious!: number | null;

  @Field(() => Float, { nullable: true })
  changeFromPreviousPercent!: number | null;

  @Field(() => Float, { nullable: true, description: 'Value of the same period a year before' })
  lastYear!: number | null;

  @Field(() => Float, { nullable: true })
  changeFromLastYear!: number | null;

  @Field(() => Float, { nullable: true })
  changeFromLastYearPercent!: number | null;
}

/** SeriesPoint fields that need the previous period or the same period a year before. */
const COMPARISON_FIELDS = ['previous', 'changeFromPrevious', 'changeFromPreviousPercent', 'lastYear', 'changeFromLastYear', 'changeFromLastYearPercent'] as const;

@Resolver(() => HarmCategory)
export class HarmCategoryResolver {
  @Query(() => [HarmCategory], { description: 'All harm categories' })
  harmCategories(@Ctx() ctx: Context): Promise<HarmCategory[]> {
    return ctx.em.find(HarmCategory, {}, { orderBy: { code: 'asc' } });
  }
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => Indicator, { nullable: true })
  indicator(@Ctx() ctx: Context, @Arg('code') code: string): Promise<Indicator | null> {
    return ctx.em.findOne(Indicator, { code });
  }

  @Query(() => IndicatorConnection, { description: 'Indicators (their definitions are public; their values follow the access policy)' })
  indicators(@Ctx() ctx: Context, @Args() args: IndicatorsArgs) {
    const where = { ...(args.category ? { category: { code: args.category } } : {}), ...(args.sensitivity ? { sensitivity: args.sensitivity } : {}) };
    return paginate(ctx.em, Indicator, where, args, ctx.config.maxPageSize, IndicatorConnection);
  }

  @FieldResolver(() => HarmCategory)
  // Typed structurally: with the class here, type-graphql would copy each (plain, cached) indicator into a new Indicator.
  async category(@Root() i: { category: { id: number } }, @Ctx() ctx: Context): Promise<HarmCategory> {
    return categoryById(await ctx.catalogue(), ctx.em, i.category.id);
  }
}

@Resolver(() => Observation)
export class ObservationResolver {
  @Query(() => ObservationConnection, { description: 'Observations you may see (rows outside your scope are simply absent)' })
  observations(@Ctx() ctx: Context, @Args() args: ObservationsArgs) {
    // The GraphQL type is the entity's; the objects served are ServedObservation (same fields, plain).
    return listObservations(ctx, args, ObservationConnection as unknown as ClassType<Page<ServedObservation>>);
  }

  @Query(() => [SeriesPoint], { description: 'Live statistics: indicators by region and Jalali month, quarter or year, with rates and changes' })
  async indicatorSeries(@Ctx() ctx: Context, @Arg('input') input: SeriesInput, @Info() info: GraphQLResolveInfo): Promise<SeriesPoint[]> {
    const asked = selectedFieldNames(info);
    const comparisons = COMPARISON_FIELDS.some((f) => asked.has(f));
    return (await indicatorSeries(ctx, input, { comparisons })) as SeriesPoint[];
  }

  @Mutation(() => SubmitObservationsResult, { nullable: true, description: 'A batch of up to 10,000 values from your agency, saved whole or not at all' })
  submitObservations(@Ctx() ctx: Context, @Arg('input') input: SubmitObservationsInput) {
    return submitObservations(ctx, input);
  }

  @Mutation(() => ReviewResult, { nullable: true, description: 'Approves submitted observations (the monitoring deputy)' })
  approveObservations(@Ctx() ctx: Context, @Arg('input') input: ReviewInput) {
    return approveObservations(ctx, input);
  }

  @Mutation(() => ReviewResult, { nullable: true, description: 'Rejects submitted observations with a reason (the monitoring deputy)' })
  rejectObservations(@Ctx() ctx: Context, @Arg('input') input: RejectInput) {
    return rejectObservations(ctx, input);
  }

  @FieldResolver(() => Indicator)
  indicator(@Root() o: ServedObservation): Indicator {
    return o.indicator;
  }

  @FieldResolver(() => Region)
  region(@Root() o: ServedObservation, @Ctx() ctx: Context): Promise<RegionView> {
    return regionOf(ctx, o.regionId);
  }

  @FieldResolver(() => JalaliPeriod)
  period(@Root() o: ServedObservation): JalaliPeriod {
    return o.period;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Null when withheld (see `suppressed`) or not yours to see' })
  value(@Root() o: ServedObservation): number | null {
    return o.suppressedForViewer ? null : o.rawValue;
  }

  @FieldResolver(() => Boolean, { description: 'True when the value is withheld to protect small counts' })
  suppressed(@Root() o: ServedObservation): boolean {
    return o.suppressedForViewer;
  }

  @FieldResolver(() => Agency)
  reportingAgency(@Root() o: ServedObservation, @Ctx() ctx: Context): Promise<Agency> {
    return ctx.em.getReference(Agency, o.reportingAgencyId, { wrapped: true }).loadOrFail();
  }

  @FieldResolver(() => String, { nullable: true, description: 'Field workers\' note: the reporting agency and the monitoring deputy' })
  note(@Root() o: ServedObservation): string | null {
    return o.note;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The reporting agency and the monitoring deputy' })
  enteredBy(@Root() o: ServedObservation, @Ctx() ctx: Context): Promise<Person | null> {
    return ctx.em.getReference(Person, o.enteredById, { wrapped: true }).load();
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The reporting agency and the monitoring deputy' })
  approvedBy(@Root() o: ServedObservation, @Ctx() ctx: Context): Promise<Person | null> | null {
    return o.status === ObservationStatus.APPROVED && o.reviewedById !== null ? ctx.em.getReference(Person, o.reviewedById, { wrapped: true }).load() : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The reporting agency and the monitoring deputy' })
  rejectedBy(@Root() o: ServedObservation, @Ctx() ctx: Context): Promise<Person | null> | null {
    return o.status === ObservationStatus.REJECTED && o.reviewedById !== null ? ctx.em.getReference(Person, o.reviewedById, { wrapped: true }).load() : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The reporting agency and the monitoring deputy' })
  rejectionReason(@Root() o: ServedObservation): string | null {
    return o.rejectionReason;
  }
}
