import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudienceReport } from '../scripts/lib/disclosure-audit';
import { attackLoaded, expectNoDisclosure, LARGE_SEED } from './support/disclosure-attack';
import type { TestHub } from './support/hub';

/**
 * The LP attacker against a larger seed: another random seed at the large scale (cities, villages and
 * neighbourhoods, sex × age) for four indicators of every sensitivity and finest level, over a
 * year, attacked over its first two months as every audience.
 */
describe('the LP attacker against a larger seed: every region, sex × age', () => {
  let hub: TestHub;
  let reports: AudienceReport[];
  beforeAll(async () => {
    ({ hub, reports } = await attackLoaded('Larger seed (every region, sex × age)', LARGE_SEED, () => true, ['1402-01', '1402-02']));
  }, 900_000);
  afterAll(() => hub?.close());

  it('finds no withheld small count narrower than k for any audience, own cells included', () => {
    expectNoDisclosure(reports);
    expect(reports.find((r) => r.audience === 'analyst (provincial monitoring)')!.examined).toBeGreaterThan(1500);
  });
});
