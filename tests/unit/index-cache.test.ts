/**
 * Stored indexes (src/story/shelf.ts, src/search/persist.ts): an index built on first use is stored under
 * the cache folder; a new library loads it instead of building, with the same answers; a damaged, stale or
 * other-version file is rebuilt, never an error; memory holds at most the LRU's size.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.ts';
import type { Command } from '../../src/answer/types.ts';
import { openLibrary } from '../../src/library.ts';
import { INDEX_FORMAT } from '../../src/search/persist.ts';
import { questionTerms } from '../../src/story/route.ts';
import { ENTRIES_FILE, IndexCache, StoryShelf } from '../../src/story/shelf.ts';
import { BAKERY, BRIDGE, cleanupTiny, tinyStoriesDir } from './stages/tiny.ts';

const QUESTIONS: [Command, string][] = [
  ['who', 'who opened the Harbour Bridge'], ['when', 'when was the steel deck built'], ['ask', 'how much did the bridge cost'],
  ['factcheck', 'Ferry traffic fell by 30% after the opening'], ['factcheck', 'The bridge cost $50 million'], ['why', 'why did ferry traffic fall'],
  ['sources', ''], ['who', 'who greeted Ostrova'], ['ask', 'did Ostrova admit the project ran over budget?'], ['where', 'where was Ostrova greeted'],
];

describe('stored indexes', () => {
  let stories: string;
  let cacheDir: string;
  const open = (options = {}, size?: number) => {
    const library = openLibrary(stories, undefined, options, { dir: cacheDir, size });
    return { library, shelf: library.stories as StoryShelf };
  };
  const indexFiles = () => readdirSync(cacheDir).filter((f) => f.endsWith('.index.json'));
  const answersOf = (shelf: StoryShelf) => QUESTIONS.map(([c, q]) => answer(shelf.get(BRIDGE.slug)!, c, q));

  beforeAll(() => {
    stories = tinyStoriesDir([BRIDGE, BAKERY]);
    cacheDir = mkdtempSync(join(tmpdir(), 'story-bot-index-'));
  });
  afterAll(() => {
    cleanupTiny();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('builds on first use only, stores it, and a new library loads it with the same answers', () => {
    const first = open();
    expect(first.shelf.cache.stats).toMatchObject({ built: 0, loaded: 0 });
    const built = answersOf(first.shelf);
    expect(first.shelf.cache.stats).toMatchObject({ built: 1, loaded: 0 });
    expect(indexFiles()).toHaveLength(1);

    const second = open();
    const loaded = answersOf(second.shelf);
    expect(second.shelf.cache.stats).toMatchObject({ built: 0, loaded: 1 });
    expect(loaded).toEqual(built);
    expect(built.filter((a) => a.found).length).toBeGreaterThan(5);
  });

  it('rebuilds a damaged file (and stores a good one over it), never throwing', () => {
    const [file] = indexFiles();
    for (const damage of ['{"format":', '', 'null', JSON.stringify({ format: INDEX_FORMAT, key: 'x' })]) {
      writeFileSync(join(cacheDir, file!), damage);
      const { shelf } = open();
      expect(answersOf(shelf)[0]!.answer).toMatch(/Ostrova/);
      expect(shelf.cache.stats.built).toBe(1);
    }
    const fresh = open();
    answersOf(fresh.shelf);
    expect(fresh.shelf.cache.stats).toMatchObject({ built: 0, loaded: 1 });
  });

  it('rebuilds a file of another index format, and a file stored for the same key but truncated in its data', () => {
    const [file] = indexFiles();
    const stored = JSON.parse(readFileSync(join(cacheDir, file!), 'utf8')) as { format: number; analyses: unknown[] };
    writeFileSync(join(cacheDir, file!), JSON.stringify({ ...stored, format: INDEX_FORMAT + 1 }));
    const other = open();
    answersOf(other.shelf);
    expect(other.shelf.cache.stats).toMatchObject({ built: 1, loaded: 0, rebuilt: 1 });
    writeFileSync(join(cacheDir, file!), JSON.stringify({ ...stored, analyses: stored.analyses.slice(1) }));
    const cut = open();
    answersOf(cut.shelf);
    expect(cut.shelf.cache.stats).toMatchObject({ built: 1, rebuilt: 1 });
  });

  it('keys by the story\'s files and the engine options: a change of either builds anew', () => {
    const before = indexFiles().length;
    const tuned = open({ minCoverage: 0.45 });
    answersOf(tuned.shelf);
    expect(tuned.shelf.cache.stats.built).toBe(1);
    expect(indexFiles().length).toBe(before + 1);
    const article = join(stories, BRIDGE.slug, 'article.txt');
    writeFileSync(article, `${readFileSync(article, 'utf8').trimEnd()}\nThe bridge has two lanes for cars and one for bicycles.\n`);
    const edited = open();
    answersOf(edited.shelf);
    expect(edited.shelf.cache.stats).toMatchObject({ built: 1, loaded: 0 });
  });

  it('keeps at most the LRU size of built indexes in memory', () => {
    const { shelf } = open({}, 1);
    shelf.get(BRIDGE.slug);
    shelf.get(BAKERY.slug);
    expect(shelf.cache.held).toBe(1);
    expect(shelf.get(BAKERY.slug)).toBe(shelf.get(BAKERY.slug));
    expect(shelf.cache.stats.hits).toBeGreaterThan(0);
  });

  it('reads stored entries (one file) instead of validating the stories again, and validates again a damaged or cut line', () => {
    const file = join(cacheDir, ENTRIES_FILE);
    expect(open().shelf.cache.stats.validated).toBe(0);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    // every line damaged, and a last line cut short by a killed write
    writeFileSync(file, `${lines.map((l) => `${l.slice(0, 65)}{"format":`).join('\n')}\n${lines[0]!.slice(0, 40)}`);
    const { shelf } = open();
    expect(shelf.cache.stats.validated).toBe(2);
    expect(shelf.entry(BRIDGE.slug)?.title).toBe(BRIDGE.headline);
    expect(shelf.routing.holders(questionTerms('Ostrova')[0]!).map((id) => shelf.routing.slugAt(id))).toEqual([BRIDGE.slug]);
    const again = open().shelf;
    expect(again.cache.stats.validated).toBe(0);
    expect(again.entryList().map((e) => e.title).sort()).toEqual([BAKERY.headline, BRIDGE.headline].sort());
  });

  it('holds titles without building: entries and keys cost no index', () => {
    const { library, shelf } = open();
    expect([...library.stories.keys()].sort()).toEqual([BAKERY.slug, BRIDGE.slug].sort());
    expect(shelf.entry(BAKERY.slug)?.title).toBe(BAKERY.headline);
    expect(shelf.cache.held).toBe(0);
  });
});

describe('pruning stored indexes', () => {
  let stories: string;
  let cacheDir: string;
  beforeAll(() => {
    stories = tinyStoriesDir([BRIDGE, BAKERY]);
    cacheDir = mkdtempSync(join(tmpdir(), 'story-bot-prune-'));
  });
  afterAll(() => {
    cleanupTiny();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('removes only the files and entry lines of keys no live story uses, earlier versions\' entry files and dead writers\' .tmp files; anything else stays', () => {
    const open = (options = {}) => openLibrary(stories, undefined, options, { dir: cacheDir }).stories as StoryShelf;
    const stale = open({ minCoverage: 0.45 });
    stale.get(BRIDGE.slug); // an entry and an index for each story under other options: stale once the options change back
    const live = open();
    live.get(BRIDGE.slug);
    const liveKeys = live.entryList().map((e) => e.key);
    const staleKeys = stale.entryList().map((e) => e.key);
    expect(liveKeys.some((k) => staleKeys.includes(k))).toBe(false);
    const entryKeys = () => readFileSync(join(cacheDir, ENTRIES_FILE), 'utf8').split('\n').filter(Boolean).map((l) => l.slice(0, 64)).sort();
    expect(entryKeys()).toEqual([...liveKeys, ...staleKeys].sort());

    const hex = 'a'.repeat(64);
    const foreign = ['notes.txt', `${hex}.index.json.bak`, 'abc.index.json', `${hex.toUpperCase()}.entry.json`, 'entries.jsonl.bak'];
    for (const name of foreign) writeFileSync(join(cacheDir, name), 'x');
    const legacy = `${liveKeys[0]}.entry.json`; // a stored entry as an earlier version wrote them
    const deadTmp = `${hex}.index.json.4194305.tmp`; // above Linux's largest pid: no such process
    const deadEntriesTmp = `${ENTRIES_FILE}.4194305.tmp`;
    const ownTmp = `${hex}.index.json.${process.pid}.tmp`; // a write of this process in progress
    for (const name of [legacy, deadTmp, deadEntriesTmp, ownTmp]) writeFileSync(join(cacheDir, name), '{');
    const before = readdirSync(cacheDir);

    const removed = live.cache.prune(liveKeys);
    const after = readdirSync(cacheDir).sort();
    const gone = [legacy, deadTmp, deadEntriesTmp, `${stale.entry(BRIDGE.slug)!.key}.index.json`];
    expect(after).toEqual(before.filter((n) => !gone.includes(n)).sort());
    expect(removed).toBe(gone.length + staleKeys.length); // the files, and the stale entries' lines
    for (const name of [...foreign, ownTmp, ENTRIES_FILE]) expect(after).toContain(name);
    expect(entryKeys()).toEqual([...liveKeys].sort());
    expect(after).toContain(`${live.entry(BRIDGE.slug)!.key}.index.json`);

    // what is left still serves a new library: nothing is validated or built again
    const again = open();
    again.get(BRIDGE.slug);
    expect(again.cache.stats).toMatchObject({ validated: 0, built: 0, loaded: 1 });
    expect(live.cache.prune(liveKeys)).toBe(0);
  });

  it('is a no-op without a folder, or with one not made yet', () => {
    const shelf = openLibrary(stories).stories as StoryShelf;
    expect(shelf.cache.prune([])).toBe(0);
    const missing = new IndexCache(shelf.cache.options, { dir: join(cacheDir, 'not-yet') });
    expect(missing.prune([])).toBe(0);
    expect(readdirSync(cacheDir)).not.toContain('not-yet');
  });
});
