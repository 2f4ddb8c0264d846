import path from 'node:path';

/** The repository root, whether this file runs from `src/` or compiled from `dist/src/`. */
export const repoRoot = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../../..' : '../..');
