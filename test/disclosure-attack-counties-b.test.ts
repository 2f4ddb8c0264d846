import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudienceReport } from '../scripts/lib/disclosure-audit';
import { attackLoaded, COUNTY_GOVERNORATE, expectNoDisclosure } from './support/disclosure-attack';
import type { TestHub } from './support/hub';

/** The LP attacker against the demo data as the county governorates 08–14, each knowing its own cells (see disclosure-attack.test.ts). */
describe('the LP attacker against the demo data: county governorates 08–14 with their own cells', () => {
  let hub: TestHub;
  let reports: AudienceReport[];
  beforeAll(async () => {
    ({ hub, reports } = await attackLoaded('Demo data, county governorates 08–14', { scale: 'demo' }, (a) => {
      const n = Number(COUNTY_GOVERNORATE.exec(a.name)?.[1]);
      return n >= 8 && n <= 14;
    }));
  }, 900_000);
  afterAll(() => hub?.close());

  it('finds no withheld small count narrower than k, own cells included', () => {
    expect(reports).toHaveLength(7);
    for (const r of reports) expect(r.examined, r.audience).toBeGreaterThan(10_000);
    expectNoDisclosure(reports);
  });
});
