// Builds the GraphiQL explorer bundle (src/explorer -> dist/explorer) unless it is already fresh.
// Usage: node -r @swc-node/register scripts/build-explorer.ts [--force]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(__dirname, '..');
const srcDir = path.join(root, 'src', 'explorer');
const outDir = path.join(root, 'dist', 'explorer');
const stampFile = path.join(outDir, 'index.html');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

function newestInputMtime(): number {
  // package-lock.json too: upgrading graphiql or vite must rebuild the bundle.
  const inputs = [...files(srcDir), path.join(root, 'package-lock.json')].filter((f) => existsSync(f));
  return Math.max(...inputs.map((f) => statSync(f).mtimeMs));
}

export function isExplorerFresh(): boolean {
  return existsSync(stampFile) && statSync(stampFile).mtimeMs >= newestInputMtime();
}

function bundleSize(withGzip: boolean): string {
  let raw = 0;
  let gz = 0;
  for (const f of files(outDir)) {
    raw += statSync(f).size;
    if (withGzip) gz += gzipSync(readFileSync(f)).length;
  }
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return withGzip ? `${mb(raw)} (${mb(gz)} gzipped)` : mb(raw);
}

export async function buildExplorer(opts: { force?: boolean } = {}): Promise<void> {
  const rel = path.relative(process.cwd(), outDir) || outDir;
  if (!opts.force && isExplorerFresh()) {
    console.log(`explorer: ${rel} is up to date (${bundleSize(false)})`);
    return;
  }
  const started = Date.now();
  // Vite honours an inherited NODE_ENV (vitest sets "test"), which would bundle React's development build.
  process.env.NODE_ENV = 'production';
  // vite is ESM-only; loaded only when a build is needed so the fresh path stays instant.
  const { build } = await import('vite');
  await build({ configFile: path.join(srcDir, 'vite.config.mts'), mode: 'production' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`explorer: built ${rel} in ${seconds} s, ${bundleSize(true)}`);
}

if (require.main === module) {
  buildExplorer({ force: process.argv.includes('--force') }).catch((err: unknown) => {
    console.error('explorer: build failed');
    console.error(err);
    process.exit(1);
  });
}
