import { Migration } from '@mikro-orm/migrations';

export class Migration20261126062633 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "region_level" as enum ('PROVINCE', 'COUNTY', 'DISTRICT', 'CITY', 'RURAL_DISTRICT', 'NEIGHBOURHOOD', 'VILLAGE');`);
    this.addSql(`create type "agency_kind" as enum ('PROVINCIAL_GOVERNORATE', 'COUNTY_GOVERNORATE', 'CITY_COUNCIL', 'VILLAGE_COUNCIL', 'NGO', 'CULTURAL_CENTER', 'UNIVERSITY', 'STATE_BODY');`);
    this.addSql(`create type "unit_kind" as enum ('HARM_MONITORING', 'PARTICIPATION_NGO', 'OTHER');`);
    this.addSql(`create type "role" as enum ('ADMIN', 'DIRECTOR', 'ANALYST', 'DATA_STEWARD', 'MEMBER');`);
    this.addSql(`create table "person" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "email" varchar(254) not null, "full_name_fa" varchar(200) not null, "full_name_en" varchar(200) not null, "phone" varchar(32) null, "national_id" varchar(10) null);`);
    this.addSql(`alter table "person" add constraint "person_email_unique" unique ("email");`);
    this.addSql(`alter table "person" add constraint "person_national_id_unique" unique ("national_id");`);

    this.addSql(`create table "region" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(32) not null, "name_fa" varchar(200) not null, "name_en" varchar(200) not null, "level" "region_level" not null, "parent_id" int null, "path" varchar(512) not null, "population" int null, "population_year" int null, "search_text" varchar(500) not null);`);
    this.addSql(`alter table "region" add constraint "region_code_unique" unique ("code");`);
    this.addSql(`create index "region_level_index" on "region" ("level");`);
    this.addSql(`create index "region_parent_id_index" on "region" ("parent_id");`);
    this.addSql(`create index "region_path_prefix_idx" on "region" ("path" text_pattern_ops);`);

    this.addSql(`create table "agency" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(48) not null, "name_fa" varchar(300) not null, "name_en" varchar(300) not null, "kind" "agency_kind" not null, "jurisdiction_id" int not null, "parent_id" int null, "fields_of_activity" text[] not null default '{}', "search_text" varchar(700) not null);`);
    this.addSql(`alter table "agency" add constraint "agency_code_unique" unique ("code");`);
    this.addSql(`create index "agency_kind_index" on "agency" ("kind");`);
    this.addSql(`create index "agency_jurisdiction_id_index" on "agency" ("jurisdiction_id");`);
    this.addSql(`create index "agency_parent_id_index" on "agency" ("parent_id");`);

    this.addSql(`create table "agency_unit" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" int not null, "code" varchar(48) not null, "name_fa" varchar(300) not null, "name_en" varchar(300) not null, "kind" "unit_kind" not null);`);
    this.addSql(`create index "agency_unit_agency_id_index" on "agency_unit" ("agency_id");`);
    this.addSql(`alter table "agency_unit" add constraint "agency_unit_code_unique" unique ("code");`);

    this.addSql(`create table "post" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(48) not null, "title_fa" varchar(300) not null, "title_en" varchar(300) not null, "agency_id" int not null, "unit_id" int null);`);
    this.addSql(`alter table "post" add constraint "post_code_unique" unique ("code");`);
    this.addSql(`create index "post_agency_id_index" on "post" ("agency_id");`);

    this.addSql(`create table "appointment" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "post_id" int not null, "person_id" int not null, "started_on" date not null, "ended_on" date null, "start_note" text null, "end_note" text null);`);
    this.addSql(`create index "appointment_post_id_index" on "appointment" ("post_id");`);
    this.addSql(`create index "appointment_person_id_index" on "appointment" ("person_id");`);
    this.addSql(`create unique index "appointment_one_open_per_post" on "appointment" ("post_id") where "ended_on" is null;`);

    this.addSql(`create table "membership" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "person_id" int not null, "agency_id" int not null, "unit_id" int null, "role" "role" not null, "valid_from" date not null, "valid_to" date null);`);
    this.addSql(`create index "membership_person_id_index" on "membership" ("person_id");`);
    this.addSql(`create index "membership_agency_id_valid_to_index" on "membership" ("agency_id", "valid_to");`);

    this.addSql(`alter table "region" add constraint "region_parent_id_foreign" foreign key ("parent_id") references "region" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "agency" add constraint "agency_jurisdiction_id_foreign" foreign key ("jurisdiction_id") references "region" ("id") on update cascade;`);
    this.addSql(`alter table "agency" add constraint "agency_parent_id_foreign" foreign key ("parent_id") references "agency" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "agency_unit" add constraint "agency_unit_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);

    this.addSql(`alter table "post" add constraint "post_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "post" add constraint "post_unit_id_foreign" foreign key ("unit_id") references "agency_unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "appointment" add constraint "appointment_post_id_foreign" foreign key ("post_id") references "post" ("id") on update cascade;`);
    this.addSql(`alter table "appointment" add constraint "appointment_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);

    this.addSql(`alter table "membership" add constraint "membership_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_unit_id_foreign" foreign key ("unit_id") references "agency_unit" ("id") on update cascade on delete set null;`);
  }

}
