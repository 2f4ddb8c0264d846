import { Migration } from '@mikro-orm/migrations';

export class Migration20261126064954 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "indicator_unit" as enum ('COUNT', 'RATE', 'PERCENT', 'AMOUNT');`);
    this.addSql(`create type "sensitivity" as enum ('OPEN', 'RESTRICTED', 'CONFIDENTIAL');`);
    this.addSql(`create type "period_type" as enum ('MONTH', 'QUARTER', 'YEAR');`);
    this.addSql(`create type "sex" as enum ('TOTAL', 'FEMALE', 'MALE');`);
    this.addSql(`create type "age_group" as enum ('TOTAL', 'A0_14', 'A15_24', 'A25_44', 'A45_64', 'A65_PLUS');`);
    this.addSql(`create type "observation_status" as enum ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED');`);
    this.addSql(`create table "access_log" ("id" bigserial primary key, "at" timestamptz not null default now(), "request_id" varchar(64) not null, "person_id" int null, "agency_id" int null, "role" varchar(16) null, "indicator_id" int not null, "sensitivity" varchar(16) not null, "region_codes" text[] not null, "period_from" varchar(8) null, "period_to" varchar(8) null, "value_count" int not null, "operation" varchar(200) not null, "granted_by" varchar(200) not null, "refused" boolean not null default false);`);
    this.addSql(`create index "access_log_person_id_at_index" on "access_log" ("person_id", "at");`);
    this.addSql(`create index "access_log_indicator_id_at_index" on "access_log" ("indicator_id", "at");`);
    this.addSql(`create index "access_log_at_index" on "access_log" ("at");`);

    this.addSql(`create table "harm_category" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(48) not null, "name_fa" varchar(200) not null, "name_en" varchar(200) not null);`);
    this.addSql(`alter table "harm_category" add constraint "harm_category_code_unique" unique ("code");`);

    this.addSql(`create table "indicator" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(48) not null, "name_fa" varchar(300) not null, "name_en" varchar(300) not null, "category_id" int not null, "unit" "indicator_unit" not null, "sensitivity" "sensitivity" not null, "suppression_k" int not null default 5, "finest_level" "region_level" not null, "period_type" "period_type" not null, "reporter_kinds" "agency_kind"[] not null, "definition_fa" text null, "definition_en" text null, "per10k" boolean not null default false);`);
    this.addSql(`alter table "indicator" add constraint "indicator_code_unique" unique ("code");`);
    this.addSql(`create index "indicator_category_id_index" on "indicator" ("category_id");`);

    this.addSql(`create table "jalali_period" ("code" varchar(8) not null, "type" "period_type" not null, "year" int not null, "quarter" int null, "month" int null, "start_date" date not null, "end_date" date not null, "quarter_code" varchar(8) null, "year_code" varchar(4) not null, "label_fa" varchar(64) not null, "label_en" varchar(64) not null, constraint "jalali_period_pkey" primary key ("code"));`);
    this.addSql(`create index "jalali_period_quarter_code_index" on "jalali_period" ("quarter_code");`);
    this.addSql(`create index "jalali_period_year_code_index" on "jalali_period" ("year_code");`);
    this.addSql(`create index "jalali_period_type_start_date_index" on "jalali_period" ("type", "start_date");`);

    this.addSql(`create table "observation_batch" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" int not null, "idempotency_key" varchar(100) not null, "digest" varchar(64) not null, "submitted_by_id" int not null, "row_count" int not null, "created_count" int not null, "corrected_count" int not null);`);
    this.addSql(`create unique index "observation_batch_key" on "observation_batch" ("agency_id", "idempotency_key");`);

    this.addSql(`create table "observation" ("id" bigserial primary key, "indicator_id" int not null, "region_id" int not null, "period_code" varchar(8) not null, "sex" "sex" not null, "age_group" "age_group" not null, "raw_value" double precision not null, "reporting_agency_id" int not null, "entered_by_id" int not null, "status" "observation_status" not null, "reviewed_by_id" int null, "reviewed_at" timestamptz null, "rejection_reason" text null, "note" text null, "version" int not null default 1, "is_current" boolean not null default true, "previous_version_id" bigint null, "batch_id" int null, "small_cell" boolean not null default false, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "observation_reporting_agency_id_index" on "observation" ("reporting_agency_id");`);
    this.addSql(`create index "observation_region" on "observation" ("region_id");`);
    this.addSql(`create index "observation_indicator_period" on "observation" ("indicator_id", "period_code");`);
    this.addSql(`create unique index "observation_current_key" on "observation" ("indicator_id", "region_id", "period_code", "sex", "age_group") where "is_current";`);

    this.addSql(`create table "data_sharing_agreement" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(48) not null, "grantor_id" int not null, "grantee_id" int not null, "purpose" text not null, "category_codes" text[] not null, "region_root_id" int not null, "finest_level" "region_level" not null, "valid_from" date not null, "valid_to" date not null, "revoked_at" timestamptz null, "created_by_id" int not null, "revoked_by_id" int null);`);
    this.addSql(`alter table "data_sharing_agreement" add constraint "data_sharing_agreement_code_unique" unique ("code");`);
    this.addSql(`create index "data_sharing_agreement_grantor_id_index" on "data_sharing_agreement" ("grantor_id");`);
    this.addSql(`create index "data_sharing_agreement_grantee_id_index" on "data_sharing_agreement" ("grantee_id");`);

    this.addSql(`alter table "indicator" add constraint "indicator_category_id_foreign" foreign key ("category_id") references "harm_category" ("id") on update cascade;`);

    this.addSql(`alter table "observation_batch" add constraint "observation_batch_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "observation_batch" add constraint "observation_batch_submitted_by_id_foreign" foreign key ("submitted_by_id") references "person" ("id") on update cascade;`);

    this.addSql(`alter table "observation" add constraint "observation_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade;`);
    this.addSql(`alter table "observation" add constraint "observation_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade;`);
    this.addSql(`alter table "observation" add constraint "observation_period_code_foreign" foreign key ("period_code") references "jalali_period" ("code") on update cascade;`);
    this.addSql(`alter table "observation" add constraint "observation_reporting_agency_id_foreign" foreign key ("reporting_agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "observation" add constraint "observation_entered_by_id_foreign" foreign key ("entered_by_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "observation" add constraint "observation_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "person" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "observation" add constraint "observation_previous_version_id_foreign" foreign key ("previous_version_id") references "observation" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "observation" add constraint "observation_batch_id_foreign" foreign key ("batch_id") references "observation_batch" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "data_sharing_agreement" add constraint "data_sharing_agreement_grantor_id_foreign" foreign key ("grantor_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "data_sharing_agreement" add constraint "data_sharing_agreement_grantee_id_foreign" foreign key ("grantee_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "data_sharing_agreement" add constraint "data_sharing_agreement_region_root_id_foreign" foreign key ("region_root_id") references "region" ("id") on update cascade;`);
    this.addSql(`alter table "data_sharing_agreement" add constraint "data_sharing_agreement_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "data_sharing_agreement" add constraint "data_sharing_agreement_revoked_by_id_foreign" foreign key ("revoked_by_id") references "person" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "indicator" drop constraint "indicator_category_id_foreign";`);

    this.addSql(`alter table "observation" drop constraint "observation_indicator_id_foreign";`);

    this.addSql(`alter table "observation" drop constraint "observation_period_code_foreign";`);

    this.addSql(`alter table "observation" drop constraint "observation_batch_id_foreign";`);

    this.addSql(`alter table "observation" drop constraint "observation_previous_version_id_foreign";`);

    this.addSql(`drop table if exists "access_log" cascade;`);

    this.addSql(`drop table if exists "harm_category" cascade;`);

    this.addSql(`drop table if exists "indicator" cascade;`);

    this.addSql(`drop table if exists "jalali_period" cascade;`);

    this.addSql(`drop table if exists "observation_batch" cascade;`);

    this.addSql(`drop table if exists "observation" cascade;`);

    this.addSql(`drop table if exists "data_sharing_agreement" cascade;`);

    this.addSql(`drop type "indicator_unit";`);
    this.addSql(`drop type "sensitivity";`);
    this.addSql(`drop type "period_type";`);
    this.addSql(`drop type "sex";`);
    this.addSql(`drop type "age_group";`);
    this.addSql(`drop type "observation_status";`);
  }

}
