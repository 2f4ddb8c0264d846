import { Migration } from '@mikro-orm/migrations';

/**
 * Token buckets for rate limiting, shared by every hub instance on this database. Unlogged: the
 * counts are worth nothing after a crash and need no write-ahead log.
 */
export class Migration20261126072838_RateLimitBuckets extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create unlogged table "rate_limit_bucket" ("key" varchar(200) primary key, "tokens" double precision not null, "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "rate_limit_bucket_updated_at_index" on "rate_limit_bucket" ("updated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limit_bucket";`);
  }
}
