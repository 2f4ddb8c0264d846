import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

/**
 * A change to what defines someone's rights: an agency's kind, jurisdiction or parent, a membership
 * added, accepted or ended, a post handed over, an agreement made or revoked. Written in the same
 * transaction as the change.
 */
@Entity({ tableName: 'audit_event' })
@ObjectType({ simpleResolvers: true, description: 'A change to who may do or see what, with who made it' })
@Index({ properties: ['at'] })
@Index({ properties: ['target', 'at'] })
export class AuditEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date & Opt = new Date();

  /** Who made the change (null: the hub's operators, by a command on the server). */
  @Property({ type: 'int', nullable: true })
  personId?: number;

  @Property({ type: 'int', nullable: true })
  agencyId?: number;

  @Field({ nullable: true, description: 'The role the change was made in; null for the hub\'s operators' })
  @Property({ length: 16, nullable: true })
  role?: string;

  @Field({ description: 'What was done, e.g. agency.redefine, membership.add, post.handover' })
  @Property({ length: 48 })
  action!: string;

  @Field({ description: 'What it was done to: an agency, post or agreement code, or a membership id' })
  @Property({ length: 64 })
  target!: string;

  @Field(() => GraphQLJSONObject, { description: 'The change: fields before and after, or what was granted' })
  @Property({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
