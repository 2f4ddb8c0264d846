/**
 * The schema contract: compares the GraphQL schema in the working tree with the same file at a base
 * revision and fails on a breaking change that is not marked as intended in the change log next to
 * the schema (schema/CHANGES.md explains the marks).
 *
 *   node -r @swc-node/register scripts/schema-contract.ts [--base <rev>] [--repo <dir>]
 *     [--schema <path>] [--changes <path>]
 *
 * Defaults: --base HEAD~1, --repo the current directory, --schema schema/schema.graphql,
 * --changes CHANGES.md beside the schema (paths are relative to --repo).
 * Exit status: 0 no breaking change, or each one marked; 1 unmarked breaking changes; 2 usage,
 * git or schema errors. Without the default base (first commit, shallow clone) there is nothing
 * to compare and the check passes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSchema } from 'graphql';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';

const DEFAULT_BASE = 'HEAD~1';

class UsageError extends Error {}

function git(repo: string, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new UsageError(`git could not run: ${r.error.message}`);
  return { ok: r.status === 0, out: r.stdout, err: r.stderr.trim() };
}

/** A file's text at a revision, or undefined when it did not exist there. */
function fileAt(repo: string, rev: string, rel: string): string | undefined {
  if (!git(repo, ['cat-file', '-e', `${rev}:${rel}`]).ok) return undefined;
  const r = git(repo, ['show', `${rev}:${rel}`]);
  if (!r.ok) throw new UsageError(`git show ${rev}:${rel} failed: ${r.err}`);
  return r.out;
}

interface Mark {
  coordinate: string;
  reason: string;
  line: string;
}

const MARK_PREFIX = /^\s*[-*]\s+BREAKING \(intended\):/;
const MARK = /^\s*[-*]\s+BREAKING \(intended\):\s+`?([^\s`]+)`?\s+(?:—|–|--|-|:)\s+(\S.*)$/;

/**
 * `- BREAKING (intended): <coordinate> — <reason>` lines outside fenced code blocks; lines with the
 * prefix but no coordinate or reason are returned as malformed.
 */
function readMarks(text: string | undefined): { marks: Mark[]; malformed: string[] } {
  const marks: Mark[] = [];
  const malformed: string[] = [];
  let fenced = false;
  for (const raw of (text ?? '').split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced;
    if (fenced || !MARK_PREFIX.test(raw)) continue;
    const m = MARK.exec(raw);
    if (m) marks.push({ coordinate: m[1], reason: m[2].trim(), line: raw.trim() });
    else malformed.push(raw.trim());
  }
  return { marks, malformed };
}

/** What a mark must name for a change: its schema coordinate, or its change type when it has none. */
const coordinateOf = (c: Change): string => c.path ?? c.type;

function parseSchema(sdl: string, where: string) {
  try {
    return buildSchema(sdl);
  } catch (e) {
    throw new UsageError(`${where} is not a valid GraphQL schema: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      base: { type: 'string' },
      repo: { type: 'string', default: '.' },
      schema: { type: 'string', default: 'schema/schema.graphql' },
      changes: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const base = values.base ?? DEFAULT_BASE;
  const top = git(path.resolve(values.repo!), ['rev-parse', '--show-toplevel']);
  if (!top.ok) throw new UsageError(`${values.repo} is not in a git repository: ${top.err}`);
  const repo = top.out.trim();
  const repoDir = fs.realpathSync(path.resolve(values.repo!));
  const rel = (p: string) => path.relative(repo, path.resolve(repoDir, p)).split(path.sep).join('/');
  const schemaRel = rel(values.schema!);
  const changesRel = rel(values.changes ?? path.join(path.dirname(values.schema!), 'CHANGES.md'));

  const baseSha = git(repo, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
  if (!baseSha.ok) {
    if (values.base === undefined) {
      console.log(`schema contract: no ${base} (the first commit, or a shallow clone): nothing to compare, passed`);
      return 0;
    }
    throw new UsageError(`base revision ${base} not found`);
  }
  const sha = baseSha.out.trim();
  const label = `${base} (${sha.slice(0, 10)})`;
  const before = fileAt(repo, sha, schemaRel);
  if (before === undefined) {
    console.log(`schema contract: ${schemaRel} did not exist at ${label}: nothing to compare, passed`);
    return 0;
  }
  const file = path.join(repo, schemaRel);
  if (!fs.existsSync(file)) throw new UsageError(`${schemaRel} is missing from the working tree`);
  const changes = await diff(parseSchema(before, `${schemaRel} at ${label}`), parseSchema(fs.readFileSync(file, 'utf8'), schemaRel));

  // Only marks added since the base count: an old mark must not wave through a later change at the same coordinate.
  const changesFile = path.join(repo, changesRel);
  const now = readMarks(fs.existsSync(changesFile) ? fs.readFileSync(changesFile, 'utf8') : undefined);
  const earlier = new Set(readMarks(fileAt(repo, sha, changesRel)).marks.map((m) => m.line));
  const marks = new Map<string, Mark>();
  for (const m of now.marks) if (!earlier.has(m.line)) marks.set(m.coordinate, m);

  const group = (level: CriticalityLevel) => changes.filter((c) => c.criticality.level === level);
  const breaking = group(CriticalityLevel.Breaking);
  const dangerous = group(CriticalityLevel.Dangerous);
  const safe = group(CriticalityLevel.NonBreaking);
  const unmarked = breaking.filter((c) => !marks.has(coordinateOf(c)));

  console.log(`schema contract: ${schemaRel} at ${label} → working tree: ${breaking.length} breaking, ${dangerous.length} dangerous, ${safe.length} safe`);
  if (breaking.length) {
    console.log(`\nBREAKING (${breaking.length})`);
    for (const c of breaking) {
      const mark = marks.get(coordinateOf(c));
      console.log(`  ${coordinateOf(c)}: ${c.message}`);
      console.log(mark ? `    intended: ${mark.reason}` : '    NOT MARKED as intended');
    }
  }
  if (dangerous.length) {
    console.log(`\nDANGEROUS (${dangerous.length}): allowed; check the clients`);
    for (const c of dangerous) console.log(`  ${coordinateOf(c)}: ${c.message}${c.criticality.reason ? `\n    ${c.criticality.reason}` : ''}`);
  }
  if (safe.length) {
    console.log(`\nSAFE (${safe.length})`);
    for (const c of safe) console.log(`  ${coordinateOf(c)}: ${c.message}`);
  }

  const used = new Set(breaking.map(coordinateOf));
  const unused = [...marks.values()].filter((m) => !used.has(m.coordinate));
  if (unused.length) console.log(`\nwarning: ${changesRel} marks what is not a breaking change here: ${unused.map((m) => m.coordinate).join(', ')}`);
  if (now.malformed.length) console.log(`\nwarning: ${changesRel} has marks without a coordinate or a reason, not counted:\n${now.malformed.map((l) => `  ${l}`).join('\n')}`);

  if (!unmarked.length) {
    console.log(`\nschema contract: passed${breaking.length ? ' (the breaking changes are marked as intended)' : ''}`);
    return 0;
  }
  const coordinates = [...new Set(unmarked.map(coordinateOf))];
  console.log(
    `\nschema contract: FAILED: ${unmarked.length} breaking change${unmarked.length === 1 ? '' : 's'} not marked as intended.\n` +
      `Clients that use ${coordinates.length === 1 ? 'this part' : 'these parts'} of the schema will break. Deprecate first where you can;\n` +
      `if the break is intended, add under a heading for this change in ${changesRel}:\n` +
      coordinates.map((c) => `- BREAKING (intended): ${c} — <why, and how the partners were told>`).join('\n'),
  );
  return 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`schema contract: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 2;
    },
  );
}
