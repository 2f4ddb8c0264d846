import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve('scripts/schema-contract.ts');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const BASE = `
type Region {
  code: String!
  nameFa: String!
  population: Int
  level: RegionLevel!
}

enum RegionLevel { PROVINCE COUNTY CITY }

type Query {
  region(code: String): Region
  regions(level: RegionLevel, first: Int): [Region!]!
}
`;

/** A throw-away repository whose commits are the given versions of schema.graphql (and CHANGES.md). */
function repoWith(...commits: { schema?: string; changes?: string }[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pol-contract-'));
  dirs.push(dir);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Pol Test', '-c', 'user.email=test@pol.example', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  commits.forEach((c, i) => {
    if (c.schema !== undefined) fs.writeFileSync(path.join(dir, 'schema.graphql'), c.schema);
    if (c.changes !== undefined) fs.writeFileSync(path.join(dir, 'CHANGES.md'), c.changes);
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', `commit ${i + 1}`);
  });
  return dir;
}

function contract(repo: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['-r', '@swc-node/register', SCRIPT, '--repo', repo, '--schema', 'schema.graphql', ...args], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const edit = (from: [string, string][]) => from.reduce((s, [a, b]) => s.replace(a, b), BASE);
const BREAKING = edit([
  ['  population: Int\n', ''],
  ['region(code: String)', 'region(code: String!)'],
  ['nameFa: String!', 'nameFa: Int!'],
]);

describe('schema contract', () => {
  it('fails on unmarked breaking changes and names each one with the line to add', () => {
    const r = contract(repoWith({ schema: BASE }, { schema: BREAKING }));
    expect(r.status, r.out + r.err).toBe(1);
    expect(r.out).toMatch(/BREAKING \(3\)/);
    for (const coordinate of ['Region.population', 'Query.region.code', 'Region.nameFa']) {
      expect(r.out).toContain(`- BREAKING (intended): ${coordinate} — `);
    }
    expect(r.out).toMatch(/FAILED: 3 breaking changes not marked/);
  });

  it('passes when the same commit marks each breaking change as intended', () => {
    const changes = [
      '# Log',
      '## 1405-09-10 Region reshaped',
      '- BREAKING (intended): Region.population — moved to the census service; partners told in letter 1405/812',
      '- BREAKING (intended): `Query.region.code` -- a region is always asked for by code',
      '- BREAKING (intended): Region.nameFa - codes replace names in this test',
      '',
    ].join('\n');
    const r = contract(repoWith({ schema: BASE, changes: '# Log\n' }, { schema: BREAKING, changes }));
    expect(r.status, r.out + r.err).toBe(0);
    expect(r.out).toContain('intended: moved to the census service');
    expect(r.out).toMatch(/passed \(the breaking changes are marked as intended\)/);
  });

  it('still fails when only some are marked, or a mark has no reason', () => {
    const changes = '- BREAKING (intended): Region.population — moved\n- BREAKING (intended): Query.region.code\n';
    const r = contract(repoWith({ schema: BASE }, { schema: BREAKING, changes }));
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/FAILED: 2 breaking changes/);
    expect(r.out).toContain('- BREAKING (intended): Query.region.code — ');
    expect(r.out).toMatch(/without a coordinate or a reason/);
  });

  it('does not count a mark written for an earlier change', () => {
    const changes = '- BREAKING (intended): Region.population — removed once before\n';
    const r = contract(repoWith({ schema: BASE, changes }, { schema: edit([['  population: Int\n', '']]) }));
    expect(r.status).toBe(1);
    expect(r.out).toContain('Region.population');
  });

  it('ignores example marks in fenced code blocks', () => {
    const changes = '```\n- BREAKING (intended): Region.population — example\n```\n';
    expect(contract(repoWith({ schema: BASE }, { schema: edit([['  population: Int\n', '']]), changes })).status).toBe(1);
  });

  it('passes a safe change (a field added)', () => {
    const r = contract(repoWith({ schema: BASE }, { schema: edit([['  population: Int\n', '  population: Int\n  nameEn: String\n']]) }));
    expect(r.status, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/0 breaking, 0 dangerous, 1 safe/);
    expect(r.out).toContain("Region.nameEn: Field 'nameEn' was added");
  });

  it('reports a dangerous change (an enum value added) but passes', () => {
    const r = contract(repoWith({ schema: BASE }, { schema: edit([['COUNTY CITY', 'COUNTY CITY VILLAGE']]) }));
    expect(r.status, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/DANGEROUS \(1\)/);
    expect(r.out).toContain('RegionLevel.VILLAGE');
  });

  it('compares uncommitted work with --base', () => {
    const repo = repoWith({ schema: BASE }, { schema: BASE.replace('first: Int', 'first: Int, after: String') });
    fs.writeFileSync(path.join(repo, 'schema.graphql'), BASE.replace('  level: RegionLevel!\n', ''));
    const againstHead = contract(repo, '--base', 'HEAD');
    expect(againstHead.status).toBe(1);
    expect(againstHead.out).toContain('Region.level');
    expect(againstHead.out).toContain('Query.regions.after');
    const againstPrevious = contract(repo);
    expect(againstPrevious.out).toContain('Region.level');
    expect(againstPrevious.out).not.toContain('Query.regions.after');
  });

  it('passes when there is nothing to compare, and refuses a base that does not exist', () => {
    const single = contract(repoWith({ schema: BASE }));
    expect(single.status).toBe(0);
    expect(single.out).toMatch(/no HEAD~1.*nothing to compare/);
    const newFile = contract(repoWith({ changes: '# Log\n' }, { schema: BASE }));
    expect(newFile.status).toBe(0);
    expect(newFile.out).toMatch(/did not exist at HEAD~1/);
    const missing = contract(repoWith({ schema: BASE }), '--base', 'v9.9');
    expect(missing.status).toBe(2);
    expect(missing.err).toMatch(/base revision v9\.9 not found/);
  });
});
