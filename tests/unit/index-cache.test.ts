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
import { StoryShelf } from '../../src/story/shelf.ts';
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

  it('reads a stored entry instead of validating the story again, and rebuilds a damaged one', () => {
    const entries = () => readdirSync(cacheDir).filter((f) => f.endsWith('.entry.json'));
    expect(entries().length).toBeGreaterThanOrEqual(2);
    for (const f of entries()) writeFileSync(join(cacheDir, f), '{"format":');
    const { shelf } = open();
    expect(shelf.entry(BRIDGE.slug)?.title).toBe(BRIDGE.headline);
    const readable = entries().filter((f) => { try { JSON.parse(readFileSync(join(cacheDir, f), 'utf8')); return true; } catch { return false; } });
    expect(readable).toHaveLength(2); // the two stories as they are now, written again
    expect(shelf.routing.holders(questionTerms('Ostrova')[0]!).map((id) => shelf.routing.slugAt(id))).toEqual([BRIDGE.slug]);
  });

  it('holds titles without building: entries and keys cost no index', () => {
    const { library, shelf } = open();
    expect([...library.stories.keys()].sort()).toEqual([BAKERY.slug, BRIDGE.slug].sort());
    expect(shelf.entry(BAKERY.slug)?.title).toBe(BAKERY.headline);
    expect(shelf.cache.held).toBe(0);
  });
});
