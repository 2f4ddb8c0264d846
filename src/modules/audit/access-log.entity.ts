import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * One record per indicator per request that returned (or was refused) RESTRICTED or CONFIDENTIAL
 * values: who, what, under which grant. Written in bulk at the end of the request.
 */
@Entity({ tableName: 'access_log' })
@ObjectType({ simpleResolvers: true, description: 'Who read which sensitive harm data, when, and under which rule or agreement' })
@Index({ properties: ['at'] })
@Index({ properties: ['indicatorId', 'at'] })
@Index({ properties: ['personId', 'at'] })
@Index({ properties: ['periodStart', 'periodEnd'] })
export class AccessLog {
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date & Opt = new Date();

  @Field({ description: 'The hub\'s id of the request, also in the server logs and the X-Request-Id answer header' })
  @Property({ length: 64 })
  requestId!: string;

  @Field({ nullable: true, description: 'The X-Request-Id the client sent, if any (its own; it proves nothing)' })
  @Property({ length: 64, nullable: true })
  clientRequestId?: string;

  @Property({ type: 'int', nullable: true })
  personId?: number;

  @Property({ type: 'int', nullable: true })
  agencyId?: number;

  @Field({ nullable: true })
  @Property({ length: 16, nullable: true })
  role?: string;

  @Property({ type: 'int' })
  indicatorId!: number;

  @Field({ description: 'OPEN, RESTRICTED or CONFIDENTIAL' })
  @Property({ length: 16 })
  sensitivity!: string;

  @Field(() => [String], { description: 'Codes of every region whose values were returned' })
  @Property({ type: 'text[]' })
  @Index({ name: 'access_log_region_codes', type: 'gin' })
  regionCodes!: string[];

  @Field({ nullable: true })
  @Property({ length: 8, nullable: true })
  periodFrom?: string;

  @Field({ nullable: true })
  @Property({ length: 8, nullable: true })
  periodTo?: string;

  /** First day of `periodFrom` and last day of `periodTo` (Gregorian), to find records by any period they overlap. */
  @Property({ type: 'date', nullable: true })
  periodStart?: string;

  @Property({ type: 'date', nullable: true })
  periodEnd?: string;

  @Field(() => Int, { description: 'How many values were returned' })
  @Property({ type: 'int' })
  valueCount!: number;

  @Field({ description: 'GraphQL operation and field' })
  @Property({ length: 200 })
  operation!: string;

  @Field({ description: 'The rule or agreement under which access was granted (or "refused")' })
  @Property({ length: 200 })
  grantedBy!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  refused: boolean & Opt = false;
}
