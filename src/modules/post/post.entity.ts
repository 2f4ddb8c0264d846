import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Agency, AgencyUnit } from '../agency/agency.entity';
import { Person } from '../person/person.entity';

/**
 * Powers that come with holding a post, not with a role anyone could add (README, "Where powers
 * come from"). They apply while the holder acts for the post's agency.
 */
export enum PostAuthority {
  /** The director general of the Social and Cultural Affairs Office. */
  DIRECTOR_GENERAL = 'DIRECTOR_GENERAL',
  /** The deputy who monitors social harms and approves observations. */
  HARM_MONITORING_DEPUTY = 'HARM_MONITORING_DEPUTY',
  /** The deputy for participation and NGOs. */
  PARTICIPATION_DEPUTY = 'PARTICIPATION_DEPUTY',
}
registerEnumType(PostAuthority, { name: 'PostAuthority', description: 'Powers held by whoever holds the post' });

@Entity({ tableName: 'post' })
@ObjectType({ simpleResolvers: true, description: 'A post, such as director general of the office, that people hold in turn' })
export class Post extends BaseEntity {
  @Field()
  @Property({ length: 48, unique: true })
  code!: string;

  @Field()
  @Property({ length: 300 })
  titleFa!: string;

  @Field()
  @Property({ length: 300 })
  titleEn!: string;

  @ManyToOne(() => Agency, { ref: true, index: true })
  agency!: Ref<Agency>;

  @ManyToOne(() => AgencyUnit, { ref: true, nullable: true })
  unit?: Ref<AgencyUnit>;

  @Field(() => PostAuthority, { nullable: true, description: 'Powers held by whoever holds the post; null for posts without any' })
  @Enum({ items: () => PostAuthority, nativeEnumName: 'post_authority', nullable: true })
  authority?: PostAuthority;

  @OneToMany('Appointment', 'post')
  appointments = new Collection<Appointment>(this);
}

@Entity({ tableName: 'appointment' })
@ObjectType({ simpleResolvers: true, description: 'One person holding a post from one date to another' })
// At most one open appointment per post.
@Index({ name: 'appointment_one_open_per_post', expression: 'create unique index "appointment_one_open_per_post" on "appointment" ("post_id") where "ended_on" is null' })
export class Appointment extends BaseEntity {
  @ManyToOne(() => Post, { ref: true, index: true })
  post!: Ref<Post>;

  @ManyToOne(() => Person, { ref: true, index: true })
  person!: Ref<Person>;

  @Field({ description: 'First day (Gregorian ISO date)' })
  @Property({ type: 'date' })
  startedOn!: string;

  @Field({ nullable: true, description: 'Last day (Gregorian ISO date); null for the current holder' })
  @Property({ type: 'date', nullable: true })
  endedOn?: string;

  @Field({ nullable: true, description: 'Note on the start, e.g. the introduction ceremony' })
  @Property({ type: 'text', nullable: true })
  startNote?: string;

  @Field({ nullable: true, description: 'Note on the end, e.g. the honouring of the outgoing holder' })
  @Property({ type: 'text', nullable: true })
  endNote?: string;
}
