import { Migration } from '@mikro-orm/migrations';

/**
 * The published state of observations (the approved version in force of each cell) and the record
 * of when each table's small-count pattern was computed. Existing cells: the latest approved
 * version of each cell is published. No table has a pattern of the current method yet, so the hub
 * computes them all at its next start.
 */
export class Migration20261205120644_PublishedState extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "small_count_pattern" ("indicator_id" int not null, "period_code" varchar(8) not null, "method" int not null, "withheld" int not null default 0, "uncertified" int not null default 0, "computed_at" timestamptz not null default now(), constraint "small_count_pattern_pkey" primary key ("indicator_id", "period_code"));`);

    this.addSql(`alter table "observation" add column "is_published" boolean not null default false;`);
    this.addSql(`update "observation" o set "is_published" = true
      from (select distinct on ("indicator_id", "region_id", "period_code", "sex", "age_group") "id"
              from "observation" where "status" = 'APPROVED'
             order by "indicator_id", "region_id", "period_code", "sex", "age_group", "version" desc) latest
      where o."id" = latest."id";`);
    this.addSql(`create unique index "observation_published_key" on "observation" ("indicator_id", "region_id", "period_code", "sex", "age_group") where "is_published";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "small_count_pattern" cascade;`);

    this.addSql(`drop index "observation_published_key";`);
    this.addSql(`alter table "observation" drop column "is_published";`);
  }

}
