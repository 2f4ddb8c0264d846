import { Collection, Entity, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import type { Membership } from './membership.entity';
import { Agency } from '../agency/agency.entity';

@Entity({ tableName: 'person' })
@ObjectType({ simpleResolvers: true, description: 'A person who acts for one or more agencies' })
export class Person extends BaseEntity {
  /** The identity a token names (the `email` claim). */
  @Field({ nullable: true, description: 'Signed-in partner users only' })
  @Property({ length: 254, unique: true })
  email!: string;

  @Field()
  @Property({ length: 200 })
  fullNameFa!: string;

  @Field()
  @Property({ length: 200 })
  fullNameEn!: string;

  @Field({ nullable: true, description: 'Personal contact data: admins of the person\'s own agencies, and the person' })
  @Property({ length: 32, nullable: true })
  phone?: string;

  @Field({ nullable: true, description: 'Personal data: admins of the person\'s own agencies, and the person' })
  @Property({ length: 10, nullable: true, unique: true })
  nationalId?: string;

  /**
   * The agency that registered the person and owns their record: its admins, and no one else's,
   * read the person's phone and national ID.
   */
  @ManyToOne(() => Agency, { ref: true, nullable: true, index: true })
  homeAgency?: Ref<Agency>;

  @OneToMany('Membership', 'person')
  memberships = new Collection<Membership>(this);
}
