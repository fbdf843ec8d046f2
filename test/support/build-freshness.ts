import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { GlobalConfig } from 'jest';

/** What `npm run build` compiles into dist/ (tsconfig.build.json): these folders' .ts files, unit specs aside. */
const SOURCE_FOLDERS = ['apps', 'libs', 'scripts', 'migrations'];

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile() && keep(e.name)).map((e) => join(e.parentPath, e.name));
}

/**
 * Why dist/ cannot be trusted, in one sentence, or undefined when it is at least as new as every
 * source: the end-to-end suites run the worker and the scripts from dist/, so a stale build would
 * test yesterday's code. Compares modification times only, so it costs a few milliseconds.
 */
export function staleBuild(root: string): string | undefined {
  const outputs = filesUnder(join(root, 'dist'), (name) => name.endsWith('.js'));
  if (!outputs.length) return 'dist/ is empty: run "npm run build" first (npm test does it), the end-to-end suites run the worker and scripts from it.';
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  for (const folder of SOURCE_FOLDERS) {
    const sources = filesUnder(join(root, folder), (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'));
    const newer = sources.find((f) => statSync(f).mtimeMs > built);
    if (newer) {
      return `${relative(root, newer)} changed after the last build: run "npm run build" first (npm test does it), the end-to-end suites run the worker and scripts from dist/.`;
    }
  }
  return undefined;
}

/** Whether this run may include an end-to-end suite (no path pattern, or one that matches a test/*.e2e-spec.ts). */
export function runsEndToEndSuites(config: GlobalConfig): boolean {
  if (!config.testPathPatterns.isSet()) return true;
  const patterns = config.testPathPatterns.toExecutor({ rootDir: config.rootDir });
  return filesUnder(join(config.rootDir, 'test'), (name) => name.endsWith('.e2e-spec.ts')).some((f) => patterns.isMatch(f));
}
