import { Migration } from '@mikro-orm/migrations';

export class Migration20261126075218 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "region" alter column "search_text" type text using ("search_text"::text);`);

    this.addSql(`alter table "agency" alter column "search_text" type text using ("search_text"::text);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "agency" alter column "search_text" type varchar(700) using ("search_text"::varchar(700));`);

    this.addSql(`alter table "region" alter column "search_text" type varchar(500) using ("search_text"::varchar(500));`);
  }

}
