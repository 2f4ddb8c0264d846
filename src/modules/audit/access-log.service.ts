import type { MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { Sensitivity } from '../harm/harm.enums';

export interface AccessRecord {
  indicatorId: number;
  sensitivity: Sensitivity;
  regionCodes: string[];
  periodFrom?: string;
  periodTo?: string;
  valueCount: number;
  operation: string;
  grantedBy: string;
  refused?: boolean;
}

/** Collects what a request returned of sensitive data; written once, in bulk, at the end of the request. */
export class AccessRecorder {
  readonly records: AccessRecord[] = [];

  /** Keeps only RESTRICTED and CONFIDENTIAL indicators (OPEN data is public). */
  add(record: AccessRecord): void {
    if (record.sensitivity === Sensitivity.OPEN) return;
    this.records.push(record);
  }

  /**
   * Sensitive indicators a request asked for but got no value of: logged as refusals, so that
   * "who tried to read domestic violence figures" can be answered too.
   */
  addRefusals(
    asked: ReadonlyArray<{ id: number; sensitivity: Sensitivity }>,
    returned: ReadonlyArray<{ indicatorId: number }>,
    context: Pick<AccessRecord, 'operation' | 'regionCodes' | 'periodFrom' | 'periodTo'>,
  ): void {
    const got = new Set(returned.map((r) => r.indicatorId));
    for (const ind of asked) {
      if (got.has(ind.id)) continue;
      this.add({ ...context, indicatorId: ind.id, sensitivity: ind.sensitivity, valueCount: 0, grantedBy: 'refused', refused: true });
    }
  }

  /**
   * Aggregates per-value facts into one record per indicator: every region whose values were
   * returned (all of them, so that any one is found), the range of their periods (comparison values
   * such as `previous` and `lastYear` included) and how many values there were.
   */
  addRows(
    rows: ReadonlyArray<{ indicatorId: number; sensitivity: Sensitivity; regionCode: string; periodCode: string; grant: string }>,
    operation: string,
  ): void {
    // One pass: a series can return thousands of values.
    const byIndicator = new Map<number, { sensitivity: Sensitivity; regions: Set<string>; from: string; to: string; count: number; grants: Set<string> }>();
    for (const r of rows) {
      if (r.sensitivity === Sensitivity.OPEN) continue;
      const acc = byIndicator.get(r.indicatorId);
      if (!acc) {
        byIndicator.set(r.indicatorId, { sensitivity: r.sensitivity, regions: new Set([r.regionCode]), from: r.periodCode, to: r.periodCode, count: 1, grants: new Set([r.grant]) });
        continue;
      }
      acc.regions.add(r.regionCode);
      if (r.periodCode < acc.from) acc.from = r.periodCode;
      if (r.periodCode > acc.to) acc.to = r.periodCode;
      acc.count++;
      acc.grants.add(r.grant);
    }
    for (const [indicatorId, acc] of byIndicator) {
      const regions = [...acc.regions].sort();
      this.add({
        indicatorId,
        sensitivity: acc.sensitivity,
        regionCodes: regions,
        periodFrom: acc.from,
        periodTo: acc.to,
        valueCount: acc.count,
        operation,
        grantedBy: [...acc.grants].sort().join('; ').slice(0, 200),
      });
    }
  }

  /** The request's records as access_log rows (none when nothing sensitive was read). */
  rows(viewer: Viewer, requestId: string, clientRequestId?: string): AccessLogRow[] {
    return this.records.map((r) => ({
      request_id: requestId,
      client_request_id: clientRequestId ?? null,
      person_id: viewer.person?.id ?? null,
      agency_id: viewer.membership?.agencyId ?? null,
      role: viewer.membership?.role ?? null,
      indicator_id: r.indicatorId,
      sensitivity: r.sensitivity,
      region_codes: r.regionCodes.join('\u001f'),
      period_from: r.periodFrom ?? null,
      period_to: r.periodTo ?? null,
      value_count: r.valueCount,
      operation: r.operation.slice(0, 200),
      granted_by: r.grantedBy,
      refused: !!r.refused,
    }));
  }
}

export interface AccessLogRow {
  request_id: string;
  client_request_id: string | null;
  person_id: number | null;
  agency_id: number | null;
  role: string | null;
  indicator_id: number;
  sensitivity: Sensitivity;
  /** Codes joined by U+001F (unit separator). */
  region_codes: string;
  period_from: string | null;
  period_to: string | null;
  value_count: number;
  operation: string;
  granted_by: string;
  refused: boolean;
}

/** Most requests whose records go into one statement. */
const MAX_REQUESTS_PER_STATEMENT = 200;

/**
 * Writes access records durably before each answer leaves, with group commit: while one INSERT is
 * on its way, the records of requests finishing meanwhile wait and then go together in the next
 * one. A lone request is written at once (no added latency); under load one statement and one
 * commit serve many requests. Each request's promise settles only when its own records are
 * committed. A failed batch of several requests is retried request by request, so one request's
 * records never make another's answer fail.
 */
export class AccessLogWriter {
  private queue: Array<{ rows: AccessLogRow[]; resolve: () => void; reject: (e: unknown) => void }> = [];
  private writing = false;

  constructor(private readonly orm: MikroORM) {}

  write(rows: AccessLogRow[]): Promise<void> {
    if (!rows.length) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_REQUESTS_PER_STATEMENT);
        try {
          await this.insert(batch.flatMap((p) => p.rows));
          for (const p of batch) p.resolve();
        } catch (e) {
          if (batch.length === 1) {
            batch[0].reject(e);
            continue;
          }
          for (const p of batch) await this.insert(p.rows).then(p.resolve, p.reject);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private async insert(rows: AccessLogRow[]): Promise<void> {
    await this.orm.em.getConnection().execute(
      `insert into access_log (request_id, client_request_id, person_id, agency_id, role, indicator_id, sensitivity, region_codes, period_from, period_to,
                               period_start, period_end, value_count, operation, granted_by, refused)
       select t.request_id, t.client_request_id, t.person_id, t.agency_id, t.role, t.indicator_id, t.sensitivity, string_to_array(t.region_codes, chr(31)), t.period_from, t.period_to,
              (select f.start_date from jalali_period f where f.code = t.period_from), (select e.end_date from jalali_period e where e.code = t.period_to),
              t.value_count, t.operation, t.granted_by, t.refused
         from jsonb_to_recordset(?::jsonb) as t(request_id text, client_request_id text, person_id int, agency_id int, role text, indicator_id int, sensitivity text, region_codes text,
                                                period_from text, period_to text, value_count int, operation text, granted_by text, refused boolean)`,
      [JSON.stringify(rows)],
    );
  }
}
