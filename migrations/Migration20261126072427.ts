import { Migration } from '@mikro-orm/migrations';

export class Migration20261126072427 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "observation_previous_version_id_index" on "observation" ("previous_version_id");`);
    this.addSql(`create index "observation_batch_id_index" on "observation" ("batch_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "observation_previous_version_id_index";`);
    this.addSql(`drop index "observation_batch_id_index";`);
  }

}
