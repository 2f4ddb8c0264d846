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

/**
 * The WHERE condition that keeps exactly the observation rows the viewer may see, built from the
 * same matrix as `observationGrant`. Aliases: `o` observation, `i` indicator, `c` harm category,
 * `r` region.
 */
export function observationScopeSql(viewer: Viewer, agreements: readonly AgreementGrant[]): SqlFragment {
  const m = viewer.membership;
  if (isMonitoringDeputy(viewer)) return { sql: 'true', params: [] };
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
    approved.push(`(${['c.code in (?)', 'r.path like ?', levelsUpTo(a.finest)].filter(Boolean).join(' and ')})`);
    params.push(a.categoryCodes, `${escapeLike(a.rootPath)}%`);
  }
  const approvedSql = approved.length ? `(o.status = 'APPROVED' and (${approved.join(' or ')}))` : 'false';
  if (m) {
    params.push(m.agencyId);
    return { sql: `(${approvedSql} or o.reporting_agency_id = ?)`, params };
  }
  return { sql: approvedSql, params };
}
