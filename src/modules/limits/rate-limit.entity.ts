import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A token bucket of the rate limiter (table created unlogged by its migration; never exposed). */
@Entity({ tableName: 'rate_limit_bucket' })
export class RateLimitBucket {
  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  @Property({ type: 'double' })
  tokens!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', index: true })
  updatedAt!: Date;
}
