import { Migration } from '@mikro-orm/migrations';

/** Tables whose changes may change what a caller is allowed to see (read with the caller on each request). */
const POLICY_TABLES = ['person', 'membership', 'agency', 'agency_unit', 'data_sharing_agreement', 'region'];

/**
 * Every committed change to the tables that decide who a caller is and what they may see sends
 * NOTIFY pol_policy, so that each hub instance drops the callers it keeps in memory at once —
 * whether the change came through this hub, another instance or plain SQL.
 */
export class Migration20261126100000_PolicyChangeNotify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function pol_notify_policy() returns trigger language plpgsql as $$
      begin
        perform pg_notify('pol_policy', tg_table_name);
        return null;
      end $$;`);
    for (const t of POLICY_TABLES) {
      this.addSql(`create trigger "${t}_policy_notify" after insert or update or delete or truncate on "${t}" for each statement execute function pol_notify_policy();`);
    }
  }

  override async down(): Promise<void> {
    for (const t of POLICY_TABLES) this.addSql(`drop trigger if exists "${t}_policy_notify" on "${t}";`);
    this.addSql('drop function if exists pol_notify_policy();');
  }
}
