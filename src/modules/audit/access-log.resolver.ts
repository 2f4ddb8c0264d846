import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { parsePeriod, periodBounds } from '../../common/jalali';
import { Connection, paginate, PageArgs } from '../../common/pagination';
import type { Context } from '../../server/context';
import { Agency } from '../agency/agency.entity';
import { Indicator } from '../harm/harm.entity';
import { Person } from '../person/person.entity';
import { AccessLog } from './access-log.entity';

export const AccessLogConnection = Connection(AccessLog);

@ArgsType()
export class AccessLogArgs extends PageArgs {
  @Field({ nullable: true, description: 'Email of the person who read' })
  personEmail?: string;

  @Field({ nullable: true, description: 'Code of the agency they acted for' })
  agencyCode?: string;

  @Field({ nullable: true, description: 'Indicator code' })
  indicatorCode?: string;

  @Field({ nullable: true, description: 'A region whose values were read (records naming it among their regions)' })
  regionCode?: string;

  @Field({ nullable: true, description: 'A Jalali period (1403-05, 1403-Q2, 1403): records whose values\' periods overlap it' })
  period?: string;

  @Field(() => Date, { nullable: true })
  since?: Date;

  @Field(() => Date, { nullable: true })
  until?: Date;
}

@Resolver(() => AccessLog)
export class AccessLogResolver {
  @Query(() => AccessLogConnection, { nullable: true, description: 'Who read sensitive harm data: the director general and the monitoring deputy' })
  async accessLog(@Ctx() ctx: Context, @Args() args: AccessLogArgs) {
    const conn = ctx.em;
    const idOf = async (table: string, col: string, value?: string) =>
      value === undefined ? undefined : ((await conn.execute<Array<{ id: number }>>(`select id from ${table} where ${col} = ?`, [value]))[0]?.id ?? -1);
    const [personId, agencyId, indicatorId] = await Promise.all([
      idOf('person', 'email', args.personEmail?.toLowerCase()), idOf('agency', 'code', args.agencyCode), idOf('indicator', 'code', args.indicatorCode),
    ]);
    const where = {
      ...(personId !== undefined ? { personId } : {}),
      ...(agencyId !== undefined ? { agencyId } : {}),
      ...(indicatorId !== undefined ? { indicatorId } : {}),
      ...(args.regionCode ? { regionCodes: { $contains: [args.regionCode] } } : {}),
      ...(args.since || args.until ? { at: { ...(args.since ? { $gte: args.since } : {}), ...(args.until ? { $lte: args.until } : {}) } } : {}),
    };
    if (args.period) {
      const bounds = periodBounds(parsePeriod(args.period, 'period'));
      Object.assign(where, { periodStart: { $lte: bounds.end }, periodEnd: { $gte: bounds.start } });
    }
    return paginate(ctx.em, AccessLog, where, args, ctx.config.maxPageSize, AccessLogConnection);
  }

  @FieldResolver(() => Person, { nullable: true })
  person(@Ctx() ctx: Context, @Root() l: AccessLog): Promise<Person | null> | null {
    return l.personId ? ctx.em.getReference(Person, l.personId, { wrapped: true }).load() : null;
  }

  @FieldResolver(() => Agency, { nullable: true })
  agency(@Ctx() ctx: Context, @Root() l: AccessLog): Promise<Agency | null> | null {
    return l.agencyId ? ctx.em.getReference(Agency, l.agencyId, { wrapped: true }).load() : null;
  }

  @FieldResolver(() => Indicator)
  indicator(@Ctx() ctx: Context, @Root() l: AccessLog): Promise<Indicator | null> {
    return ctx.em.getReference(Indicator, l.indicatorId, { wrapped: true }).load();
  }
}
