import { Migration } from '@mikro-orm/migrations';

export class Migration20261126072712 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "observation_region";`);

    this.addSql(`create index "observation_region_period" on "observation" ("region_id", "period_code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "observation_region_period";`);

    this.addSql(`create index "observation_region" on "observation" ("region_id");`);
  }

}
