import { BeforeCreate, BeforeUpdate, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { searchKey } from '../../common/text';
import { BaseEntity } from '../../db/base.entity';
import type { Agency } from '../agency/agency.entity';

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  COUNTY = 'COUNTY',
  DISTRICT = 'DISTRICT',
  CITY = 'CITY',
  RURAL_DISTRICT = 'RURAL_DISTRICT',
  NEIGHBOURHOOD = 'NEIGHBOURHOOD',
  VILLAGE = 'VILLAGE',
}
registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Administrative level, coarse to fine: PROVINCE > COUNTY > DISTRICT > CITY | RURAL_DISTRICT > NEIGHBOURHOOD | VILLAGE',
});

/** Rank of each level, coarse (0) to fine; CITY and RURAL_DISTRICT share a rank, as do NEIGHBOURHOOD and VILLAGE. */
export const LEVEL_RANK: Record<RegionLevel, number> = {
  PROVINCE: 0, COUNTY: 1, DISTRICT: 2, CITY: 3, RURAL_DISTRICT: 3, NEIGHBOURHOOD: 4, VILLAGE: 4,
};

/** Which levels may sit directly under which. */
export const ALLOWED_PARENT_LEVELS: Record<RegionLevel, RegionLevel[]> = {
  PROVINCE: [],
  COUNTY: [RegionLevel.PROVINCE],
  DISTRICT: [RegionLevel.COUNTY],
  CITY: [RegionLevel.COUNTY, RegionLevel.DISTRICT],
  RURAL_DISTRICT: [RegionLevel.COUNTY, RegionLevel.DISTRICT],
  NEIGHBOURHOOD: [RegionLevel.CITY],
  VILLAGE: [RegionLevel.RURAL_DISTRICT, RegionLevel.COUNTY, RegionLevel.DISTRICT],
};

export const REGION_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,31}$/;

@Entity({ tableName: 'region' })
@ObjectType({ simpleResolvers: true, description: 'A province, county, district, city, rural district, neighbourhood or village' })
@Index({ name: 'region_path_prefix_idx', expression: 'create index "region_path_prefix_idx" on "region" ("path" text_pattern_ops)' })
export class Region extends BaseEntity {
  @Field({ description: 'Official code, unique and stable' })
  @Property({ length: 32, unique: true })
  code!: string;

  @Field({ description: 'Persian name' })
  @Property({ length: 200 })
  nameFa!: string;

  @Field({ description: 'English name' })
  @Property({ length: 200 })
  nameEn!: string;

  @Field(() => RegionLevel)
  @Enum({ items: () => RegionLevel, nativeEnumName: 'region_level', index: true })
  level!: RegionLevel;

  @ManyToOne(() => Region, { ref: true, nullable: true, index: true })
  parent?: Ref<Region>;

  @OneToMany(() => Region, (r) => r.parent)
  children = new Collection<Region>(this);

  /** Agencies whose jurisdiction is this region. */
  @OneToMany('Agency', 'jurisdiction')
  agencies = new Collection<Agency>(this);

  /** Codes from the root down, `/KSH/KSH-01/…/`: a subtree is one prefix match on an index. */
  @Property({ length: 512 })
  path!: string;

  @Field(() => Int, { nullable: true, description: 'Population (approximate where not official)' })
  @Property({ nullable: true })
  population?: number;

  @Field(() => Int, { nullable: true, description: 'Gregorian year of the population figure' })
  @Property({ nullable: true })
  populationYear?: number;

  @Property({ type: 'text', hidden: true })
  searchText!: string;

  @BeforeCreate()
  @BeforeUpdate()
  protected refreshSearchText(): void {
    this.searchText = searchKey(this.nameFa, this.nameEn, this.code);
  }
}
