import { BeforeCreate, BeforeUpdate, Collection, Entity, Enum, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { searchKey } from '../../common/text';
import { BaseEntity } from '../../db/base.entity';
import { Region } from '../region/region.entity';
import type { Membership } from '../person/membership.entity';
import type { Post } from '../post/post.entity';

export enum AgencyKind {
  PROVINCIAL_GOVERNORATE = 'PROVINCIAL_GOVERNORATE',
  COUNTY_GOVERNORATE = 'COUNTY_GOVERNORATE',
  CITY_COUNCIL = 'CITY_COUNCIL',
  VILLAGE_COUNCIL = 'VILLAGE_COUNCIL',
  NGO = 'NGO',
  CULTURAL_CENTER = 'CULTURAL_CENTER',
  UNIVERSITY = 'UNIVERSITY',
  STATE_BODY = 'STATE_BODY',
}
registerEnumType(AgencyKind, { name: 'AgencyKind' });

export enum UnitKind {
  HARM_MONITORING = 'HARM_MONITORING',
  PARTICIPATION_NGO = 'PARTICIPATION_NGO',
  OTHER = 'OTHER',
}
registerEnumType(UnitKind, {
  name: 'UnitKind',
  description: 'HARM_MONITORING: the deputy that monitors social harms; PARTICIPATION_NGO: the deputy for participation and NGOs',
});

export const AGENCY_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,47}$/;

@Entity({ tableName: 'agency' })
@ObjectType({ simpleResolvers: true, description: 'A partner agency: governorate, council, NGO, cultural centre, university or state body' })
export class Agency extends BaseEntity {
  @Field()
  @Property({ length: 48, unique: true })
  code!: string;

  @Field()
  @Property({ length: 300 })
  nameFa!: string;

  @Field()
  @Property({ length: 300 })
  nameEn!: string;

  @Field(() => AgencyKind)
  @Enum({ items: () => AgencyKind, nativeEnumName: 'agency_kind', index: true })
  kind!: AgencyKind;

  /** The region the agency answers for. */
  @ManyToOne(() => Region, { ref: true, index: true })
  jurisdiction!: Ref<Region>;

  @ManyToOne(() => Agency, { ref: true, nullable: true, index: true })
  parent?: Ref<Agency>;

  @Field(() => [String], { description: 'Fields of activity (mostly for NGOs)' })
  @Property({ type: 'text[]', default: '{}' })
  fieldsOfActivity: string[] = [];

  @OneToMany(() => AgencyUnit, (u) => u.agency)
  units = new Collection<AgencyUnit>(this);

  @OneToMany('Membership', 'agency')
  memberships = new Collection<Membership>(this);

  @OneToMany('Post', 'agency')
  posts = new Collection<Post>(this);

  @Property({ type: 'text', hidden: true })
  searchText!: string;

  @BeforeCreate()
  @BeforeUpdate()
  protected refreshSearchText(): void {
    this.searchText = searchKey(this.nameFa, this.nameEn, this.code);
  }
}

@Entity({ tableName: 'agency_unit' })
@ObjectType({ simpleResolvers: true, description: 'A unit of an agency, such as one of the office\'s two deputies' })
export class AgencyUnit extends BaseEntity {
  @ManyToOne(() => Agency, { ref: true, index: true })
  agency!: Ref<Agency>;

  @Field()
  @Property({ length: 48, unique: true })
  code!: string;

  @Field()
  @Property({ length: 300 })
  nameFa!: string;

  @Field()
  @Property({ length: 300 })
  nameEn!: string;

  @Field(() => UnitKind)
  @Enum({ items: () => UnitKind, nativeEnumName: 'unit_kind' })
  kind!: UnitKind;
}
