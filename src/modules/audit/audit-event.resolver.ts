import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { Connection, PageArgs } from '../../common/pagination';
import type { Context } from '../../server/context';
import { Agency } from '../agency/agency.entity';
import { Person } from '../person/person.entity';
import { AuditEvent } from './audit-event.entity';
import { listAuditEvents } from './audit-event.service';

export const AuditEventConnection = Connection(AuditEvent);

@ArgsType()
export class AuditTrailArgs extends PageArgs {
  @Field({ nullable: true, description: 'e.g. agency.redefine, membership.add, membership.accept, membership.end, post.handover, agreement.create, agreement.revoke' })
  @IsOptional()
  @MaxLength(48)
  action?: string;

  @Field({ nullable: true, description: 'An agency, post or agreement code, or a membership id' })
  @IsOptional()
  @MaxLength(64)
  target?: string;

  @Field(() => Date, { nullable: true })
  since?: Date;

  @Field(() => Date, { nullable: true })
  until?: Date;
}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Query(() => AuditEventConnection, { nullable: true, description: 'Changes to who may do or see what, oldest first: the director general, the monitoring deputy and the provincial governorate\'s admins' })
  auditTrail(@Ctx() ctx: Context, @Args() args: AuditTrailArgs) {
    return listAuditEvents(ctx, args, AuditEventConnection);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who made the change; null for the hub\'s operators' })
  person(@Ctx() ctx: Context, @Root() e: AuditEvent): Promise<Person | null> | null {
    return e.personId ? ctx.em.getReference(Person, e.personId, { wrapped: true }).load() : null;
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency they acted for' })
  agency(@Ctx() ctx: Context, @Root() e: AuditEvent): Promise<Agency | null> | null {
    return e.agencyId ? ctx.em.getReference(Agency, e.agencyId, { wrapped: true }).load() : null;
  }
}
