import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ClassType } from 'type-graphql';
import { BadInputError, ConflictError, ForbiddenError, parseId, type FieldProblem } from '../../common/errors';
import { parsePeriod, periodBounds, type ParsedPeriod } from '../../common/jalali';
import { todayInIran } from '../../common/dates';
import { decodeCursor, encodeCursor, pageSize, type Page } from '../../common/pagination';
import { cleanText } from '../../common/text';

import { assertMay } from '../../policy/policy';
import { observationGrant, rankOf, seesSmallCounts, type ObservationFacts } from '../../policy/harm-policy';
import { observationScopeSql } from '../../policy/harm-scope';
import type { Context } from '../../server/context';
import { LEVEL_RANK, RegionLevel } from '../region/region.entity';
import { AgeGroup, IndicatorUnit, ObservationStatus, Sensitivity, Sex } from './harm.enums';
import { Indicator, ObservationBatch } from './harm.entity';
import { JalaliPeriod, periodOf, periodWithinSql } from '../period/period.entity';
import type { ObservationsArgs, ObservationRowInput, RejectInput, ReviewInput, SubmitObservationsInput } from './harm.inputs';
import { refreshSmallCells } from './suppression';
import { pgArray, readRows } from '../../db/sql';
import { subtreeSql } from '../region/region.service';

/**
 * An observation as served: its columns, its indicator and period already resolved, ids of the
 * other relations, and what the policy decided for this caller. A plain object, not a managed
 * entity: a page of them costs no identity-map bookkeeping, and nothing on it can be flushed.
 */
export interface ServedObservation {
  id: string;
  indicator: Indicator;
  period: JalaliPeriod;
  regionId: number;
  reportingAgencyId: number;
  enteredById: number;
  reviewedById: number | null;
  sex: Sex;
  ageGroup: AgeGroup;
  status: ObservationStatus;
  rawValue: number;
  note: string | null;
  rejectionReason: string | null;
  version: number;
  isCurrent: boolean;
  /** Whether this caller sees `value` withheld. */
  suppressedForViewer: boolean;
  /** The policy grant the row was served under (checked again by the field rules). */
  grant: string;
  facts: ObservationFacts;
}

interface ScopedRow {
  id: string;
  indicator_id: number;
  region_id: number;
  period_code: string;
  sex: Sex;
  age_group: AgeGroup;
  raw_value: number;
  reporting_agency_id: number;
  entered_by_id: number;
  status: ObservationStatus;
  reviewed_by_id: number | null;
  reviewed_at: Date | null;
  rejection_reason: string | null;
  note: string | null;
  version: number;
  is_current: boolean;
  is_published: boolean;
  previous_version_id: string | null;
  batch_id: number | null;
  small_cell: boolean;
  created_at: Date;
  sensitivity: Sensitivity;
  category_code: string;
  region_path: string;
  region_level: RegionLevel;
  region_code: string;
}

/** Where-conditions of the observation filter (aliases as in observationScopeSql, plus `p` period). */
function filterSql(args: ObservationsArgs): { sql: string[]; params: unknown[] } {
  const f = args.filter ?? {};
  const sql: string[] = [];
  const params: unknown[] = [];
  if (f.indicators?.length) {
    sql.push('i.code in (?)');
    params.push(f.indicators);
  }
  if (f.categories?.length) {
    sql.push('c.code in (?)');
    params.push(f.categories);
  }
  if (f.within) {
    const within = subtreeSql('r', f.within);
    sql.push(within.sql);
    params.push(...within.params);
  }
  if (f.levels?.length) {
    sql.push('r.level in (?)');
    params.push(f.levels);
  }
  if (f.from || f.to) {
    const within = periodWithinSql(
      'o.period_code',
      f.from ? periodBounds(parsePeriod(f.from, 'filter.from')).start : '0001-01-01',
      f.to ? periodBounds(parsePeriod(f.to, 'filter.to')).end : '9999-12-31',
    );
    sql.push(within.sql);
    params.push(...within.params);
  }
  if (f.statuses?.length) {
    sql.push('o.status in (?)');
    params.push(f.statuses);
  }
  if (f.sex) {
    sql.push('o.sex = ?');
    params.push(f.sex);
  }
  if (f.ageGroup) {
    sql.push('o.age_group = ?');
    params.push(f.ageGroup);
  }
  return { sql, params };
}

const FROM = `observation o
  join indicator i on i.id = o.indicator_id
  join harm_category c on c.id = i.category_id
  join region r on r.id = o.region_id
  join jalali_period p on p.code = o.period_code`;

/**
 * Observations the caller may see, one page. Rows are scoped in SQL by the policy matrix, then
 * every row is checked again by the same policy in code: a row the two disagree on is dropped
 * and logged. Values below the indicator's threshold are withheld where the policy says.
 */
export async function listObservations(ctx: Context, args: ObservationsArgs, Shape: ClassType<Page<ServedObservation>>): Promise<Page<ServedObservation>> {
  const { viewer } = ctx;
  const first = pageSize(args, ctx.config.maxPageSize);
  const agreements = await ctx.loaders.agreementsOfViewer();
  // Replaced versions (history): only of rows whose working details the caller may see.
  const scope = observationScopeSql(viewer, agreements, { history: !!args.filter?.includeHistory });
  const filter = filterSql(args);
  const where = [scope.sql, ...filter.sql];
  const params = [...scope.params, ...filter.params];
  const conn = ctx.em;
  const pageWhere = args.after ? [...where, 'o.id > ?'] : where;
  const pageParams = args.after ? [...params, decodeCursor(args.after, 'bigint')] : params;
  const [rows, catalogue] = await Promise.all([readRows<ScopedRow>(conn,
    `select o.*, i.sensitivity, c.code as category_code, r.path as region_path, r.level as region_level, r.code as region_code
       from ${FROM} where ${pageWhere.join(' and ')} order by o.id limit ?`,
    [...pageParams, first + 1],
    ctx.reads,
  ), ctx.catalogue()]);
  const served: ServedObservation[] = [];
  const logged: Array<{ indicatorId: number; sensitivity: Sensitivity; regionCode: string; periodCode: string; grant: string }> = [];
  for (const row of rows.slice(0, first)) {
    const facts: ObservationFacts = {
      sensitivity: row.sensitivity, level: row.region_level, path: row.region_path, published: row.is_published,
      reportingAgencyId: row.reporting_agency_id, categoryCode: row.category_code,
    };
    const grant = observationGrant(viewer, facts, agreements);
    if (!grant) {
      ctx.log.error('access layers disagree: SQL scope returned a row the policy refuses; dropped', { requestId: ctx.requestId, observation: row.id });
      continue;
    }
    served.push({
      id: String(row.id),
      indicator: catalogue.indicatorsById.get(row.indicator_id) ?? (await ctx.em.findOneOrFail(Indicator, row.indicator_id)),
      period: periodOf(row.period_code),
      regionId: row.region_id,
      reportingAgencyId: row.reporting_agency_id,
      enteredById: row.entered_by_id,
      reviewedById: row.reviewed_by_id,
      sex: row.sex,
      ageGroup: row.age_group,
      status: row.status,
      rawValue: row.raw_value,
      note: row.note,
      rejectionReason: row.rejection_reason,
      version: row.version,
      // Outside the reporting agency and the deputy the published version is the one in force:
      // a correction waiting for approval is theirs to know about.
      isCurrent: seesSmallCounts(viewer, row.reporting_agency_id) ? row.is_current : true,
      suppressedForViewer: row.small_cell && !seesSmallCounts(viewer, row.reporting_agency_id),
      grant,
      facts,
    });
    logged.push({ indicatorId: row.indicator_id, sensitivity: row.sensitivity, regionCode: row.region_code, periodCode: row.period_code, grant });
  }
  ctx.access.addRows(logged, 'observations');
  ctx.access.addRefusals(await sensitiveIndicators(ctx, args.filter?.indicators), logged, { operation: 'observations', regionCodes: [] });
  const edges = served.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return Object.assign(new Shape(), {
    nodes: served,
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    count: async () => {
      // Read like the page: on a replica close behind the primary when there is one.
      const [{ n }] = await readRows<{ n: string }>(conn, `select count(*) as n from ${FROM} where ${where.join(' and ')}`, params, ctx.reads);
      return Number(n);
    },
  });
}

/** The sensitive indicators among those a filter names (for logging refusals). */
async function sensitiveIndicators(ctx: Context, codes: string[] | undefined): Promise<Array<{ id: number; sensitivity: Sensitivity }>> {
  if (!codes?.length) return [];
  return ctx.em.execute(`select id, sensitivity from indicator where code in (?) and sensitivity <> 'OPEN'`, [codes]);
}

interface IndicatorMeta {
  id: number;
  code: string;
  unit: IndicatorUnit;
  finest_level: RegionLevel;
  period_type: string;
  reporter_kinds: string[] | string;
}

function kindsOf(v: string[] | string): string[] {
  return Array.isArray(v) ? v : v.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
}

function digestOf(rows: ObservationRowInput[], asDraft: boolean): string {
  const h = createHash('sha256');
  h.update(asDraft ? 'draft\n' : 'submit\n');
  for (const r of rows) h.update(JSON.stringify([r.indicatorCode, r.regionCode, r.period, r.sex, r.ageGroup, r.value, r.note ?? null]) + '\n');
  return h.digest('hex');
}

export interface SubmitResult {
  batchId: string;
  rows: number;
  created: number;
  corrected: number;
  /** True when this key was seen before and nothing was saved this time. */
  replayed: boolean;
}

/**
 * A batch from one agency's data steward: every row is checked, errors name the row and field,
 * and the batch is saved whole or not at all. The same idempotency key with the same rows
 * returns the first result; with other rows it is a CONFLICT.
 */
export async function submitObservations(ctx: Context, input: SubmitObservationsInput): Promise<SubmitResult> {
  const { viewer } = ctx;
  const m = viewer.membership;
  if (!m) throw new ForbiddenError('observation.submit: sign in as a data steward');
  assertMay(viewer, 'observation.submit', [m.agencyId]);
  const digest = digestOf(input.rows, input.asDraft);
  const previous = await ctx.em.findOne(ObservationBatch, { agency: m.agencyId, idempotencyKey: input.idempotencyKey });
  if (previous) return replay(previous, digest);

  const conn = ctx.em;
  const indicatorCodes = [...new Set(input.rows.map((r) => r.indicatorCode))];
  const regionCodes = [...new Set(input.rows.map((r) => r.regionCode))];
  const [indicators, regions] = await Promise.all([
    conn.execute<IndicatorMeta[]>(`select id, code, unit, finest_level, period_type, reporter_kinds from indicator where code in (?)`, [indicatorCodes]),
    conn.execute<Array<{ id: number; code: string; path: string; level: RegionLevel }>>(`select id, code, path, level from region where code in (?)`, [regionCodes]),
  ]);
  const indicatorBy = new Map(indicators.map((i) => [i.code, i]));
  const regionBy = new Map(regions.map((r) => [r.code, r]));

  const today = todayInIran();
  const problems: FieldProblem[] = [];
  const problem = (i: number, field: string, message: string) => problems.push({ field: `rows.${i}.${field}`, message });
  const seen = new Map<string, number>();
  const clean: Array<{ indicatorId: number; regionId: number; period: string; sex: Sex; ageGroup: AgeGroup; value: number; note: string | null }> = [];
  input.rows.forEach((row, i) => {
    const ind = indicatorBy.get(row.indicatorCode);
    const region = regionBy.get(row.regionCode);
    let period: ParsedPeriod | undefined;
    if (!ind) problem(i, 'indicatorCode', `no indicator has the code ${JSON.stringify(row.indicatorCode)}`);
    else if (!kindsOf(ind.reporter_kinds).includes(m.agencyKind)) problem(i, 'indicatorCode', `${ind.code} is not reported by a ${m.agencyKind}`);
    if (!region) problem(i, 'regionCode', `no region has the code ${JSON.stringify(row.regionCode)}`);
    else {
      if (!region.path.startsWith(m.jurisdictionPath)) problem(i, 'regionCode', `${region.code} is outside your agency's jurisdiction`);
      if (ind && LEVEL_RANK[region.level] > rankOf(ind.finest_level)) problem(i, 'regionCode', `${ind.code} is reported down to ${ind.finest_level}, not ${region.level}`);
    }
    try {
      period = parsePeriod(row.period, `rows.${i}.period`);
      if (ind && period.type !== ind.period_type) problem(i, 'period', `${ind.code} is reported per ${ind.period_type}, not ${period.type} (${row.period})`);
      else if (periodBounds(period).start > today) problem(i, 'period', `${period.code} has not begun yet`);
    } catch (e) {
      if (!(e instanceof BadInputError)) throw e;
      problem(i, 'period', e.problems[0]?.message ?? e.message);
    }
    const v = row.value;
    if (!Number.isFinite(v) || v < 0) problem(i, 'value', 'must be a number ≥ 0');
    else if (ind?.unit === IndicatorUnit.COUNT && !Number.isInteger(v)) problem(i, 'value', `${ind.code} counts: the value must be a whole number`);
    else if (ind?.unit === IndicatorUnit.PERCENT && v > 100) problem(i, 'value', 'a percentage must not exceed 100');
    else if (v > 1e12) problem(i, 'value', 'is implausibly large');
    const key = [row.indicatorCode, row.regionCode, period?.code ?? row.period, row.sex, row.ageGroup].join('|');
    if (seen.has(key)) problem(i, 'period', `the same cell as row ${seen.get(key)}`);
    else seen.set(key, i);
    let note: string | null = null;
    if (row.note != null && row.note.trim() !== '') {
      if (row.note.length > 2000) problem(i, 'note', 'must be at most 2000 characters');
      else note = row.note.normalize('NFC').trim();
    }
    if (ind && region && period) {
      clean.push({ indicatorId: ind.id, regionId: region.id, period: period.code, sex: row.sex, ageGroup: row.ageGroup, value: v, note });
    }
  });
  if (!problems.length && clean.length) {
    // A cell reported by another agency is theirs to correct.
    const taken = await conn.execute<Array<{ ord: number; code: string }>>(
      `select t.ord, a.code from unnest(?::int[], ?::int[], ?::text[], ?::sex[], ?::age_group[]) with ordinality as t(indicator_id, region_id, period_code, sex, age_group, ord)
         join observation o on o.is_current and o.indicator_id = t.indicator_id and o.region_id = t.region_id and o.period_code = t.period_code
                           and o.sex = t.sex and o.age_group = t.age_group and o.reporting_agency_id <> ?
         join agency a on a.id = o.reporting_agency_id`,
      [pgArray(clean.map((r) => r.indicatorId)), pgArray(clean.map((r) => r.regionId)), pgArray(clean.map((r) => r.period)),
        pgArray(clean.map((r) => r.sex)), pgArray(clean.map((r) => r.ageGroup)), m.agencyId],
    );
    for (const t of taken) problem(Number(t.ord) - 1, 'regionCode', `this cell is reported by ${t.code}; only they can correct it`);
  }
  if (problems.length) {
    const shown = problems.slice(0, 200);
    throw new BadInputError(
      `${problems.length} problem(s) in the batch; nothing was saved. First: ${shown[0].field}: ${shown[0].message}`,
      shown,
    );
  }

  try {
    return await ctx.em.transactional(async (em) => {
      const tx = em;
      const [batch] = await tx.execute<Array<{ id: number }>>(
        `insert into observation_batch (agency_id, idempotency_key, digest, submitted_by_id, row_count, created_count, corrected_count)
         values (?, ?, ?, ?, ?, 0, 0) returning id`,
        [m.agencyId, input.idempotencyKey, digest, viewer.person!.id, clean.length],
      );
      const cols = {
        indicator: clean.map((r) => r.indicatorId), region: clean.map((r) => r.regionId), period: clean.map((r) => r.period),
        sex: clean.map((r) => r.sex), age: clean.map((r) => r.ageGroup), value: clean.map((r) => r.value), note: clean.map((r) => r.note),
      };
      // Current versions of the same cells stop being current; the new rows point back to them.
      const replaced = await tx.execute<Array<{ id: string; version: number; indicator_id: number; region_id: number; period_code: string; sex: Sex; age_group: AgeGroup }>>(
        `update observation o set is_current = false
           from unnest(?::int[], ?::int[], ?::text[], ?::sex[], ?::age_group[]) as t(indicator_id, region_id, period_code, sex, age_group)
          where o.is_current and o.indicator_id = t.indicator_id and o.region_id = t.region_id and o.period_code = t.period_code
            and o.sex = t.sex and o.age_group = t.age_group
         returning o.id, o.version, o.indicator_id, o.region_id, o.period_code, o.sex, o.age_group`,
        [pgArray(cols.indicator), pgArray(cols.region), pgArray(cols.period), pgArray(cols.sex), pgArray(cols.age)],
      );
      const old = new Map(replaced.map((r) => [[r.indicator_id, r.region_id, r.period_code, r.sex, r.age_group].join('|'), r]));
      const prev = clean.map((r) => old.get([r.indicatorId, r.regionId, r.period, r.sex, r.ageGroup].join('|')));
      await tx.execute(
        `insert into observation (indicator_id, region_id, period_code, sex, age_group, raw_value, note, reporting_agency_id, entered_by_id,
                                  status, version, previous_version_id, batch_id, is_current, small_cell)
         select t.indicator_id, t.region_id, t.period_code, t.sex, t.age_group, t.raw_value, t.note, ?, ?, ?::observation_status,
                t.version, t.previous_version_id, ?, true, false
           from unnest(?::int[], ?::int[], ?::text[], ?::sex[], ?::age_group[], ?::float8[], ?::text[], ?::int[], ?::bigint[])
             as t(indicator_id, region_id, period_code, sex, age_group, raw_value, note, version, previous_version_id)`,
        [
          m.agencyId, viewer.person!.id, input.asDraft ? ObservationStatus.DRAFT : ObservationStatus.SUBMITTED, batch.id,
          pgArray(cols.indicator), pgArray(cols.region), pgArray(cols.period), pgArray(cols.sex), pgArray(cols.age),
          pgArray(cols.value), pgArray(cols.note), pgArray(prev.map((p) => (p ? p.version + 1 : 1))), pgArray(prev.map((p) => p?.id ?? null)),
        ],
      );
      const corrected = replaced.length;
      await tx.execute(`update observation_batch set created_count = ?, corrected_count = ? where id = ?`, [clean.length - corrected, corrected, batch.id]);
      // Values waiting for approval are known to their reporter: the tables' patterns must hold against that too.
      await refreshSmallCells(em, pairsOf(clean.map((r) => ({ indicatorId: r.indicatorId, periodCode: r.period }))));
      return { batchId: String(batch.id), rows: clean.length, created: clean.length - corrected, corrected, replayed: false };
    });
  } catch (e) {
    // Two submissions with one key at once: the second finds the first.
    if (e instanceof UniqueConstraintViolationException && /observation_batch_key/.test(e.message)) {
      const first = await ctx.em.fork().findOne(ObservationBatch, { agency: m.agencyId, idempotencyKey: input.idempotencyKey });
      if (first) return replay(first, digest);
    }
    throw e;
  }
}

function replay(batch: ObservationBatch, digest: string): SubmitResult {
  if (batch.digest !== digest) throw new ConflictError(`idempotency key ${JSON.stringify(batch.idempotencyKey)} was used for a different batch`);
  return { batchId: String(batch.id), rows: batch.rowCount, created: batch.createdCount, corrected: batch.correctedCount, replayed: true };
}

function pairsOf(list: Array<{ indicatorId: number; periodCode: string }>) {
  const seen = new Map(list.map((p) => [`${p.indicatorId}|${p.periodCode}`, p]));
  return [...seen.values()];
}

export interface ReviewResult { count: number }

async function review(ctx: Context, ids: string[], status: ObservationStatus.APPROVED | ObservationStatus.REJECTED, reason?: string): Promise<ReviewResult> {
  const { viewer } = ctx;
  assertMay(viewer, 'observation.review', []);
  const seen = new Map<string, number>();
  const problems: FieldProblem[] = [];
  ids.forEach((id, i) => {
    try {
      parseId(`ids.${i}`, id, 'bigint');
    } catch {
      problems.push({ field: `ids.${i}`, message: `${JSON.stringify(id.slice(0, 40))} is not an observation id` });
    }
    if (seen.has(id)) problems.push({ field: `ids.${i}`, message: `the same id as ids.${seen.get(id)}` });
    else seen.set(id, i);
  });
  if (problems.length) throw new BadInputError(`${problems.length} problem(s) in ids; nothing was changed. First: ${problems[0].field}: ${problems[0].message}`, problems.slice(0, 200));
  const unique = ids;
  return ctx.em.transactional(async (em) => {
    const conn = em;
    const rows = await conn.execute<Array<{ id: string; status: ObservationStatus; is_current: boolean; indicator_id: number; period_code: string }>>(
      `select id, status, is_current, indicator_id, period_code from observation where id in (?) for update`,
      [unique],
    );
    const found = new Map(rows.map((r) => [String(r.id), r]));
    unique.forEach((id, i) => {
      const r = found.get(id);
      if (!r) problems.push({ field: `ids.${i}`, message: `no observation ${id}` });
      else if (!r.is_current) problems.push({ field: `ids.${i}`, message: `observation ${id} was replaced by a correction` });
      else if (r.status !== ObservationStatus.SUBMITTED) problems.push({ field: `ids.${i}`, message: `observation ${id} is ${r.status}, not SUBMITTED` });
    });
    if (problems.length) throw new BadInputError(`${problems.length} observation(s) cannot be reviewed; nothing was changed. First: ${problems[0].message}`, problems.slice(0, 200));
    if (status === ObservationStatus.APPROVED) {
      // The approved version becomes the one in force: the version it corrects stops being published.
      await conn.execute(
        `update observation o set is_published = false
           from observation a
          where a.id in (?) and o.is_published and o.id <> a.id and o.indicator_id = a.indicator_id and o.region_id = a.region_id
            and o.period_code = a.period_code and o.sex = a.sex and o.age_group = a.age_group`,
        [unique],
      );
    }
    await conn.execute(
      `update observation set status = ?::observation_status, reviewed_by_id = ?, reviewed_at = now(), rejection_reason = ?, is_published = ? where id in (?)`,
      [status, viewer.person!.id, reason ?? null, status === ObservationStatus.APPROVED, unique],
    );
    await refreshSmallCells(em, pairsOf(rows.map((r) => ({ indicatorId: r.indicator_id, periodCode: r.period_code }))));
    return { count: unique.length };
  });
}

export const approveObservations = (ctx: Context, input: ReviewInput) => review(ctx, input.ids, ObservationStatus.APPROVED);
export const rejectObservations = (ctx: Context, input: RejectInput) => review(ctx, input.ids, ObservationStatus.REJECTED, cleanText('reason', input.reason, 3));

