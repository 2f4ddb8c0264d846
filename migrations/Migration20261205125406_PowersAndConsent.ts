import { Migration } from '@mikro-orm/migrations';

/**
 * Powers from posts, consent to memberships, the owner of a person's record, memberships that end
 * at once, and the audit trail of changes to rights. Existing data: memberships count as accepted;
 * a person's record belongs to the agency of their first membership; posts get the powers the
 * roles used to give (the office's post without a unit: director general; its deputies' posts by
 * their units' kinds). Posts and appointments now decide powers, so their changes notify the hubs.
 */
export class Migration20261205125406_PowersAndConsent extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "post_authority" as enum ('DIRECTOR_GENERAL', 'HARM_MONITORING_DEPUTY', 'PARTICIPATION_DEPUTY');`);
    this.addSql(`create table "audit_event" ("id" bigserial primary key, "at" timestamptz not null default now(), "person_id" int null, "agency_id" int null, "role" varchar(16) null, "action" varchar(48) not null, "target" varchar(64) not null, "details" jsonb not null);`);
    this.addSql(`create index "audit_event_target_at_index" on "audit_event" ("target", "at");`);
    this.addSql(`create index "audit_event_at_index" on "audit_event" ("at");`);

    this.addSql(`alter table "person" add column "home_agency_id" int null;`);
    this.addSql(`alter table "person" add constraint "person_home_agency_id_foreign" foreign key ("home_agency_id") references "agency" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "person_home_agency_id_index" on "person" ("home_agency_id");`);

    this.addSql(`alter table "post" add column "authority" "post_authority" null;`);

    this.addSql(`alter table "membership" add column "ended_at" timestamptz null, add column "accepted_at" timestamptz null;`);

    this.addSql(`update "membership" set "accepted_at" = now();`);
    this.addSql(`update "person" p set "home_agency_id" = (select m."agency_id" from "membership" m where m."person_id" = p."id" order by m."id" limit 1);`);
    this.addSql(`update "post" p set "authority" = 'DIRECTOR_GENERAL'
      from "agency" a
     where a."id" = p."agency_id" and p."unit_id" is null and a."kind" = 'PROVINCIAL_GOVERNORATE'
       and exists (select 1 from "agency_unit" u where u."agency_id" = a."id" and u."kind" = 'HARM_MONITORING');`);
    this.addSql(`update "post" p set "authority" = case u."kind" when 'HARM_MONITORING' then 'HARM_MONITORING_DEPUTY'::post_authority else 'PARTICIPATION_DEPUTY'::post_authority end
      from "agency_unit" u join "agency" a on a."id" = u."agency_id"
     where u."id" = p."unit_id" and a."kind" = 'PROVINCIAL_GOVERNORATE' and u."kind" in ('HARM_MONITORING', 'PARTICIPATION_NGO');`);
    for (const t of ['post', 'appointment']) {
      this.addSql(`create trigger "${t}_policy_notify" after insert or update or delete or truncate on "${t}" for each statement execute function pol_notify_policy();`);
    }
  }

  override async down(): Promise<void> {
    for (const t of ['post', 'appointment']) this.addSql(`drop trigger if exists "${t}_policy_notify" on "${t}";`);
    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`alter table "person" drop constraint "person_home_agency_id_foreign";`);

    this.addSql(`alter table "membership" drop column "ended_at", drop column "accepted_at";`);

    this.addSql(`drop index "person_home_agency_id_index";`);
    this.addSql(`alter table "person" drop column "home_agency_id";`);

    this.addSql(`alter table "post" drop column "authority";`);

    this.addSql(`drop type "post_authority";`);
  }

}
