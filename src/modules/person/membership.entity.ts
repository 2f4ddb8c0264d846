import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Agency, AgencyUnit } from '../agency/agency.entity';
import { Person } from './person.entity';

export enum Role {
  ADMIN = 'ADMIN',
  DIRECTOR = 'DIRECTOR',
  ANALYST = 'ANALYST',
  DATA_STEWARD = 'DATA_STEWARD',
  MEMBER = 'MEMBER',
}
registerEnumType(Role, { name: 'Role' });

@Entity({ tableName: 'membership' })
@ObjectType({ simpleResolvers: true, description: 'A person acting for an agency (and possibly one of its units) in a role, over a period' })
@Index({ properties: ['agency', 'validTo'] })
export class Membership extends BaseEntity {
  @ManyToOne(() => Person, { ref: true, index: true })
  person!: Ref<Person>;

  @ManyToOne(() => Agency, { ref: true })
  agency!: Ref<Agency>;

  @ManyToOne(() => AgencyUnit, { ref: true, nullable: true })
  unit?: Ref<AgencyUnit>;

  @Field(() => Role)
  @Enum({ items: () => Role, nativeEnumName: 'role' })
  role!: Role;

  @Field({ description: 'First day (Gregorian ISO date)' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field({ nullable: true, description: 'Last day (Gregorian ISO date); null while open-ended' })
  @Property({ type: 'date', nullable: true })
  validTo?: string;

  @Field(() => Date, { nullable: true, description: 'When the membership was ended with effect at once (ending it today or earlier); null otherwise' })
  @Property({ type: 'timestamptz', nullable: true })
  endedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When the person accepted it; null while it waits for their acceptance (it grants nothing until then)' })
  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt?: Date;
}
