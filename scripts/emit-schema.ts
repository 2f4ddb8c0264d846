/** Writes schema/schema.graphql from the code (`npm run schema`); CI fails when the committed file differs. */
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { repoRoot } from '../src/common/paths';
import { buildBareSchema } from '../src/server/schema';

const file = path.join(repoRoot, 'schema', 'schema.graphql');
const sdl = `${printSchema(lexicographicSortSchema(buildBareSchema()))}\n`;
fs.mkdirSync(path.dirname(file), { recursive: true });
const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
fs.writeFileSync(file, sdl);
process.stdout.write(`${path.relative(process.cwd(), file)} ${before === sdl ? 'unchanged' : 'written'}\n`);
