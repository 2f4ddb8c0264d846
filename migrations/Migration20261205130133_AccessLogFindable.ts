import { Migration } from '@mikro-orm/migrations';

/**
 * Access-log records findable by any region and period they cover: the client's own request id
 * beside the hub's, the period range as dates (filled in for existing records), and an index on
 * the region codes.
 */
export class Migration20261205130133_AccessLogFindable extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "access_log" add column "client_request_id" varchar(64) null, add column "period_start" date null, add column "period_end" date null;`);
    this.addSql(`update "access_log" l set "period_start" = f."start_date", "period_end" = t."end_date"
      from "jalali_period" f, "jalali_period" t where f."code" = l."period_from" and t."code" = l."period_to";`);
    this.addSql(`create index "access_log_region_codes" on "access_log" using gin ("region_codes");`);
    this.addSql(`create index "access_log_period_start_period_end_index" on "access_log" ("period_start", "period_end");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "access_log_region_codes";`);
    this.addSql(`drop index "access_log_period_start_period_end_index";`);
    this.addSql(`alter table "access_log" drop column "client_request_id", drop column "period_start", drop column "period_end";`);
  }

}
