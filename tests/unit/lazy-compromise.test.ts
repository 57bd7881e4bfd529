/**
 * compromise (≈ 0.3 s to import) is loaded only when a sentence has to be parsed: building an index, ingesting,
 * drafting. A process that answers from an index stored under DATA_DIR never loads it. Checked in a fresh
 * process (the test runner has loaded it already): src/text/nlp.ts loads it through the require cache, and an
 * import of it would show in Node's module-loading debug output (NODE_DEBUG=esm).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE, cleanupTiny, tinyStoriesDir } from './stages/tiny.ts';

const root = resolve(import.meta.dirname, '../..');
const script = `
import { createRequire } from 'node:module';
import { openLibrary } from './src/library.ts';
import { answer } from './src/answer/answer.ts';
const [stories, cacheDir, slug] = process.argv.slice(1);
const library = openLibrary(stories, undefined, {}, { dir: cacheDir });
const a = answer(library.stories.get(slug), 'who', 'who opened the Harbour Bridge');
const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/compromise/'));
console.log(JSON.stringify({ found: a.found, compromise: loaded, stats: library.stories.cache.stats }));
`;

function run(stories: string, cacheDir: string): { found: boolean; compromise: boolean; stats: { built: number; loaded: number } } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, stories, cacheDir, BRIDGE.slug], {
    cwd: root, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'esm' }, maxBuffer: 64 * 2 ** 20,
  });
  expect(r.status, r.stderr.slice(-2000)).toBe(0);
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ReturnType<typeof run>;
  return { ...out, compromise: out.compromise || r.stderr.includes('/node_modules/compromise/') };
}

describe('compromise is loaded lazily', () => {
  let stories: string;
  let cacheDir: string;
  beforeAll(() => {
    stories = tinyStoriesDir([BRIDGE]);
    cacheDir = mkdtempSync(join(tmpdir(), 'story-bot-lazy-'));
  });
  afterAll(() => {
    cleanupTiny();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('loads it to build an index, and not to answer from the stored one', () => {
    expect(run(stories, cacheDir)).toMatchObject({ found: true, compromise: true, stats: { built: 1, loaded: 0 } });
    expect(run(stories, cacheDir)).toMatchObject({ found: true, compromise: false, stats: { built: 0, loaded: 1 } });
  }, 60_000);
});
