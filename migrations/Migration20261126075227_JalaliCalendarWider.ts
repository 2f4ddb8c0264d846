import { Migration } from '@mikro-orm/migrations';
import { calendarInsertSql } from '../src/modules/period/period.entity';

/** The calendar covers every year a period code may name (1300–1500), not only 1370–1430. */
export class Migration20261126075227_JalaliCalendarWider extends Migration {
  override async up(): Promise<void> {
    for (const sql of [...calendarInsertSql(1300, 1369), ...calendarInsertSql(1431, 1500)]) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "jalali_period" where "year" < 1370 or "year" > 1430;`);
  }
}
