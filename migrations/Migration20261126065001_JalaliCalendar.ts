import { Migration } from '@mikro-orm/migrations';
import { calendarInsertSql } from '../src/modules/period/period.entity';

/** The Jalali calendar table (every month, quarter and year of 1370–1430), which aggregation joins. */
export class Migration20261126065001_JalaliCalendar extends Migration {
  override async up(): Promise<void> {
    for (const sql of calendarInsertSql(1370, 1430)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "jalali_period" where "year" between 1370 and 1430;`);
  }
}
