import { PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** Integer key exposed as a GraphQL ID, plus bookkeeping timestamps. */
@ObjectType({ simpleResolvers: true })
export abstract class BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ defaultRaw: 'now()', onCreate: () => new Date() })
  createdAt: Date & Opt = new Date();

  @Property({ defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
