/**
 * `npm run build`'s second step: bundles `src/main.ts` into `dist/bundle/` with esbuild, which `npm start`
 * runs with plain node. One bundled file instead of ~150 modules saves node's per-module resolve, read and
 * compile (about a third of the start-up time before the first answer; README "Start-up"). The Discord side is
 * a separate chunk, loaded only with a token. Packages that carry native code, data files, worker threads or
 * their own lazy loading stay outside the bundle and load from node_modules as before.
 */
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

/** The dependencies bundled in: pure JavaScript that the console path imports at start. */
const BUNDLED = new Set(['chrono-node', 'dotenv', 'minisearch', 'stemmer', 'zod']);

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(manifest.dependencies).filter((name) => !BUNDLED.has(name)),
  // Whitespace and syntax only: names stay, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  // CommonJS packages bundled into ESM still call require() for node's own modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
});
