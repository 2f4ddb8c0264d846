import type { Viewer } from '../auth/viewer';
import { escapeLike } from '../common/text';
import { LEVEL_RANK, type RegionLevel } from '../modules/region/region.entity';
import { Sensitivity } from '../modules/harm/harm.enums';
import { audienceOf, HARM_MATRIX, isMonitoringDeputy, type AgreementGrant } from './harm-policy';

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** SQL for "region level no finer than `finest`": the list of such levels (none left out means no condition). */
function levelsUpTo(finest: RegionLevel): string | null {
  const levels = Object.entries(LEVEL_RANK).filter(([, rank]) => rank <= LEVEL_RANK[finest]).map(([level]) => `'${level}'`);
  return levels.length === Object.keys(LEVEL_RANK).length ? null : `r.level in (${levels.join(', ')})`;
}

/** The matrix's scopes (and the viewer's agreements) as one condition on published rows. */
function matrixSql(viewer: Viewer, agreements: readonly AgreementGrant[]): SqlFragment {
  const m = viewer.membership;
  const approved: string[] = [];
  const params: unknown[] = [];
  const audience = audienceOf(viewer);
  for (const sensitivity of Object.values(Sensitivity)) {
    for (const scope of HARM_MATRIX[audience][sensitivity]) {
      const parts = [`i.sensitivity = '${sensitivity}'`, levelsUpTo(scope.finest)].filter((p): p is string => !!p);
      if (scope.within === 'OWN_JURISDICTION') {
        if (!m) continue;
        parts.push(`r.path like ?`);
        params.push(`${escapeLike(m.jurisdictionPath)}%`);
      }
      approved.push(`(${parts.join(' and ')})`);
    }
  }
  for (const a of agreements) {
    const parts = ['c.code in (?)', 'r.path like ?', levelsUpTo(a.finest)];
    params.push(a.categoryCodes, `${escapeLike(a.rootPath)}%`);
    if (a.reporterId !== null) {
      parts.push('o.reporting_agency_id = ?');
      params.push(a.reporterId);
    }
    approved.push(`(${parts.filter(Boolean).join(' and ')})`);
  }
  return { sql: approved.length ? `(${approved.join(' or ')})` : 'false', params };
}

/**
 * The WHERE condition that keeps exactly the observation rows the viewer may see, built from the
 * same matrix as `observationGrant`: the published (approved, in force) rows the matrix or an
 * agreement admits, other than the viewer's own; the viewer's own agency's rows in their latest
 * version (every version with `history`); everything for the monitoring deputy. Aliases: `o`
 * observation, `i` indicator, `c` harm category, `r` region.
 */
export function observationScopeSql(viewer: Viewer, agreements: readonly AgreementGrant[], opts: { history?: boolean } = {}): SqlFragment {
  const latest = opts.history ? 'true' : 'o.is_current';
  if (isMonitoringDeputy(viewer)) return { sql: latest, params: [] };
  const matrix = matrixSql(viewer, agreements);
  const m = viewer.membership;
  if (!m) return { sql: `(o.is_published and ${matrix.sql})`, params: matrix.params };
  return {
    sql: `((o.is_published and o.reporting_agency_id <> ? and ${matrix.sql}) or (o.reporting_agency_id = ? and ${latest}))`,
    params: [m.agencyId, ...matrix.params, m.agencyId],
  };
}

/**
 * Published rows the viewer may see: the statistics' scope. Everyone, the reporter and the deputy
 * included, gets figures computed from the one published state.
 */
export function publishedScopeSql(viewer: Viewer, agreements: readonly AgreementGrant[]): SqlFragment {
  if (isMonitoringDeputy(viewer)) return { sql: 'o.is_published', params: [] };
  const matrix = matrixSql(viewer, agreements);
  const m = viewer.membership;
  if (!m) return { sql: `(o.is_published and ${matrix.sql})`, params: matrix.params };
  return { sql: `(o.is_published and (o.reporting_agency_id = ? or ${matrix.sql}))`, params: [m.agencyId, ...matrix.params] };
}
