import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Agency } from '../agency/agency.entity';
import { Person } from '../person/person.entity';
import { Region, RegionLevel } from '../region/region.entity';

/**
 * Grants an agency (typically a university team) access to harm data: these harm categories, in
 * this region subtree, down to this level, from one day to another, until revoked.
 */
@Entity({ tableName: 'data_sharing_agreement' })
@ObjectType({ simpleResolvers: true, description: 'A data-sharing agreement: harm categories × region subtree × finest level × validity' })
export class DataSharingAgreement extends BaseEntity {
  @Field()
  @Property({ length: 48, unique: true })
  code!: string;

  @ManyToOne(() => Agency, { ref: true, index: true })
  grantor!: Ref<Agency>;

  @ManyToOne(() => Agency, { ref: true, index: true })
  grantee!: Ref<Agency>;

  @Field()
  @Property({ type: 'text' })
  purpose!: string;

  /** Harm category codes the agreement covers. */
  @Field(() => [String], { description: 'Codes of the harm categories covered' })
  @Property({ type: 'text[]' })
  categoryCodes!: string[];

  @ManyToOne(() => Region, { ref: true })
  regionRoot!: Ref<Region>;

  @Field(() => RegionLevel)
  @Enum({ items: () => RegionLevel, nativeEnumName: 'region_level' })
  finestLevel!: RegionLevel;

  @Field({ description: 'First day (Gregorian ISO date)' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field({ description: 'Last day (Gregorian ISO date)' })
  @Property({ type: 'date' })
  validTo!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;

  @ManyToOne(() => Person, { ref: true })
  createdBy!: Ref<Person>;

  @ManyToOne(() => Person, { ref: true, nullable: true })
  revokedBy?: Ref<Person>;
}
