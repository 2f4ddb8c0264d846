import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudienceReport } from '../scripts/lib/disclosure-audit';
import { attackLoaded, COUNTY_GOVERNORATE, expectNoDisclosure, LARGE_SEED } from './support/disclosure-attack';
import type { TestHub } from './support/hub';

/**
 * The LP attacker (scripts/lib/disclosure-audit.ts, written apart from the protection code) against
 * the demo data, as every audience but the county governorates (their own files, run beside this
 * one): every withheld small count keeps an interval of at least k — or, where the audience's own
 * agency reported cells that alone pin it down more tightly, exactly what those cells allow.
 */
describe('the LP attacker against the demo data', () => {
  let hub: TestHub;
  let reports: AudienceReport[];
  beforeAll(async () => {
    ({ hub, reports } = await attackLoaded('Demo data', { scale: 'demo' }, (a) => !COUNTY_GOVERNORATE.test(a.name)));
  }, 900_000);
  afterAll(() => hub?.close());

  it('finds no withheld small count narrower than k for any audience, own cells included', () => {
    expectNoDisclosure(reports);
  });

  it('examined what each audience is shown as withheld', () => {
    const by = Object.fromEntries(reports.map((r) => [r.audience, r]));
    for (const r of reports) if (r.audience !== 'public') expect(r.examined, r.audience).toBeGreaterThan(10_000);
    expect(by.public.examined).toBeGreaterThan(100);
    expect(by['analyst (provincial monitoring)'].examined).toBeGreaterThan(30_000);
  });
});
