import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { EngineOptions } from '../answer/options.ts';
import { buildIndex, type StoryIndex } from '../search/index.ts';
import { INDEX_FORMAT, restoreIndex, storeIndex } from '../search/persist.ts';
import { parseStory, readStoryFiles, type StoryFiles } from './load.ts';
import { RoutingTable, routingTerms } from './route.ts';

/**
 * Stories held lazily: for every story only what lists and routing need (a `StoryEntry` and its routing
 * terms); the full `StoryIndex` is built on first use, kept in a bounded LRU, and stored under
 * `DATA_DIR/index/` so the next start loads it (a few ms) instead of building it again (100–300 ms).
 * The entries themselves are lines of one file, `DATA_DIR/index/entries.jsonl`, so that a start over
 * thousands of stories reads (or, the first time, appends) one file, not a file per story.
 */

/** What is held for every story, indexed or not. */
export interface StoryEntry {
  slug: string;
  /** The story's folder, and the folder its files are confined to. */
  dir: string;
  root: string;
  title: string;
  /** Hand-annotated (the default story is the first annotated one). */
  annotated: boolean;
  /** sha256 of the article's paragraphs (whitespace-normalised): the same article under another name is a duplicate. */
  contentHash: string;
  /** sha256 of the story's files, the engine options and the index format: names its stored index and entry. */
  key: string;
}

/** sha256 of an article's paragraphs (whitespace-normalised). */
export function contentHash(paragraphs: readonly string[]): string {
  return createHash('sha256').update(paragraphs.map((p) => p.replace(/\s+/g, ' ')).join('\n')).digest('hex');
}

/** What every key under an options object starts with (the options are not changed once made). */
const keyPrefixes = new WeakMap<EngineOptions, string>();

/** The cache key of a story's files under these options. */
function keyOf(files: StoryFiles, options: EngineOptions): string {
  let prefix = keyPrefixes.get(options);
  if (prefix === undefined) keyPrefixes.set(options, (prefix = `story-index ${INDEX_FORMAT}\0${JSON.stringify(options)}\0`));
  const h = createHash('sha256').update(prefix);
  for (const text of [files.article, files.meta, files.facts]) h.update(`${Buffer.byteLength(text)}\0`).update(text);
  return h.digest('hex');
}

/** A stored entry: the entry's data (without where the folder is) and its routing terms. */
interface StoredEntry {
  format: number;
  key: string;
  slug: string;
  title: string;
  annotated: boolean;
  contentHash: string;
  terms: string[];
}

/** How many built indexes are kept in memory, and where they are stored (nowhere when undefined). */
export interface IndexCacheOptions {
  /** Folder for stored indexes (`DATA_DIR/index`); undefined: built on first use, never stored. */
  dir?: string;
  /** Built indexes kept in memory, least recently used dropped first. */
  size?: number;
}

/**
 * A file this cache writes: `<sha256>.index.json`, or its temporary `<…>.json.<pid>.tmp` while being written;
 * `<sha256>.entry.json` is a stored entry of an earlier version (entries are lines of ENTRIES_FILE now).
 */
const STORED_FILE = /^([0-9a-f]{64})\.(entry|index)\.json(?:\.(\d{1,10})\.tmp)?$/;

/**
 * The stored entries: a line per entry, `<key> <StoredEntry as JSON>`, appended as stories are first
 * validated, each after a newline (so a write cut short spoils only its own line); a later line for a key
 * wins, a line that does not parse is skipped.
 * `IndexCache.prune` rewrites it with the live entries only (through `entries.jsonl.<pid>.tmp`).
 */
export const ENTRIES_FILE = 'entries.jsonl';
const ENTRIES_TMP = /^entries\.jsonl\.(\d{1,10})\.tmp$/;

/** New entry lines held before they are appended (`IndexCache.saveEntries` appends them sooner). */
const ENTRY_BATCH = 256;

/**
 * ENTRIES_FILE read: each key's latest line (the JSON after the key, parsed when asked for) and how many
 * lines it has (empty ones aside); undefined when it is missing or unreadable.
 */
function readEntryLines(file: string): { byKey: Map<string, string>; lines: number } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const byKey = new Map<string, string>();
  let lines = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    lines++;
    if (line.indexOf(' ') === 64) byKey.set(line.slice(0, 64), line.slice(65));
  }
  return { byKey, lines };
}

/** Whether the process that was writing a `.tmp` file is still running (this one counts as running). */
function writerRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // running, under another user
  }
}

/** Built indexes kept in memory by default. */
export const DEFAULT_INDEX_CACHE_SIZE = 100;

/** Counts of what the cache did, for the bench and the logs. */
export interface IndexCacheStats {
  /** Stories validated because no stored entry had their key (a new or changed story, or a first start). */
  validated: number;
  built: number;
  loaded: number;
  hits: number;
  /** Stored files that could not be used (stale or damaged) and were rebuilt. */
  rebuilt: number;
}

/**
 * Builds, stores, loads and keeps story indexes. A stored file that is stale (another key or format) or
 * damaged is ignored and rebuilt, never an error; a failed write only costs the next start a build.
 */
export class IndexCache {
  private readonly lru = new Map<string, StoryIndex>();
  readonly stats: IndexCacheStats = { validated: 0, built: 0, loaded: 0, hits: 0, rebuilt: 0 };
  /** ENTRIES_FILE's lines by key (the JSON after the key, parsed when asked for), read on the first `entry`. */
  private stored?: Map<string, string>;
  /** Lines not yet appended to ENTRIES_FILE. */
  private pending: string[] = [];
  readonly size: number;

  constructor(readonly options: EngineOptions, readonly settings: IndexCacheOptions = {}) {
    this.size = Math.max(1, settings.size ?? DEFAULT_INDEX_CACHE_SIZE);
  }

  private file(key: string): string | undefined {
    return this.settings.dir ? join(this.settings.dir, `${key}.index.json`) : undefined;
  }

  private read(key: string): unknown {
    const file = this.file(key);
    if (!file) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch {
      return undefined; // missing or damaged: built again
    }
  }

  private write(key: string, data: unknown): void {
    const file = this.file(key);
    if (!file) return;
    try {
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, file);
    } catch {
      // a read-only or full disk: the index is only built again next time
    }
  }

  /** ENTRIES_FILE's lines by key, read once (empty without a folder, or when the file is missing or unreadable). */
  private storedEntries(): Map<string, string> {
    if (!this.stored) {
      const read = this.settings.dir ? readEntryLines(join(this.settings.dir, ENTRIES_FILE)) : undefined;
      this.stored = read?.byKey ?? new Map(); // none yet: every story is validated and its entry appended
    }
    return this.stored;
  }

  /** The stored entry of a key, when there is a complete one of this format. */
  private storedEntry(key: string): StoredEntry | undefined {
    const line = this.storedEntries().get(key);
    if (line === undefined) return undefined;
    try {
      const e = JSON.parse(line) as Partial<StoredEntry> | null;
      if (e && e.format === INDEX_FORMAT && e.key === key && typeof e.slug === 'string' && typeof e.title === 'string'
        && typeof e.contentHash === 'string' && Array.isArray(e.terms) && e.terms.every((t) => typeof t === 'string')) return e as StoredEntry;
    } catch {
      // cut short or damaged: validated again and appended anew
    }
    return undefined;
  }

  /**
   * Appends the entries validated since the last call to ENTRIES_FILE (`openLibrary` and the catalog call it
   * once their stories are read; `entry` calls it every ENTRY_BATCH new entries). A failed write only costs
   * the next start a validation.
   */
  saveEntries(): void {
    if (!this.pending.length || !this.settings.dir) return;
    const lines = this.pending.join('');
    this.pending = [];
    try {
      mkdirSync(this.settings.dir, { recursive: true });
      appendFileSync(join(this.settings.dir, ENTRIES_FILE), lines);
    } catch {
      // a read-only or full disk: validated again next time
    }
  }

  /**
   * A story folder's entry and routing terms: its files are read (confined to `root`, within the load
   * limits) and hashed; a stored entry for that hash is used as it is (those exact bytes were validated
   * when it was written), else the story is validated (StoryDataError for a broken one) and its entry kept
   * for ENTRIES_FILE.
   */
  entry(dir: string, root: string = dirname(resolve(dir))): { entry: StoryEntry; terms: string[] } {
    const files = readStoryFiles(dir, root);
    const key = keyOf(files, this.options);
    const stored = this.storedEntry(key);
    if (stored) {
      return { entry: { slug: stored.slug, dir, root, title: stored.title, annotated: stored.annotated === true, contentHash: stored.contentHash, key }, terms: stored.terms };
    }
    const story = parseStory(dir, files);
    this.stats.validated++;
    const entry: StoryEntry = { slug: story.slug, dir, root, title: story.meta.title, annotated: story.meta.annotated, contentHash: contentHash(story.paragraphs), key };
    const terms = routingTerms(story);
    if (this.settings.dir) {
      const json = JSON.stringify({ format: INDEX_FORMAT, key, slug: entry.slug, title: entry.title, annotated: entry.annotated, contentHash: entry.contentHash, terms } satisfies StoredEntry);
      this.storedEntries().set(key, json);
      this.pending.push(`\n${key} ${json}`); // the newline first: a line cut short by a killed write never runs into the next
      if (this.pending.length >= ENTRY_BATCH) this.saveEntries();
    }
    return { entry, terms };
  }

  /** The index of a story: from memory, else loaded from its stored file, else built (and stored). */
  index(entry: StoryEntry): StoryIndex {
    const id = `${entry.dir}\0${entry.key}`;
    const hit = this.lru.get(id);
    if (hit) {
      this.lru.delete(id);
      this.lru.set(id, hit);
      this.stats.hits++;
      return hit;
    }
    const index = this.load(entry) ?? this.build(entry);
    this.lru.set(id, index);
    while (this.lru.size > this.size) this.lru.delete(this.lru.keys().next().value!);
    return index;
  }

  /** Drops a story's index from memory (its folder was removed). */
  forget(entry: StoryEntry): void {
    this.lru.delete(`${entry.dir}\0${entry.key}`);
  }

  /**
   * Removes what is stored for no live story: `<key>.index.json` files whose key is not in `live` (a story
   * changed, removed, or read under other engine options or another index format), ENTRIES_FILE's lines of
   * such keys (the file is rewritten with one line per live key), `<key>.entry.json` files of earlier
   * versions, and the `.tmp` files of writers no longer running. Only files named as this cache names them
   * are touched; anything else in the folder is left alone. Returns how many files and entry lines were
   * removed. Never throws.
   */
  prune(live: Iterable<string>): number {
    const dir = this.settings.dir;
    if (!dir) return 0;
    const keep = new Set(live);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return 0; // no folder yet
    }
    let removed = 0;
    for (const name of names) {
      const tmp = ENTRIES_TMP.exec(name);
      const stored = STORED_FILE.exec(name);
      if (tmp ? writerRunning(Number(tmp[1])) : !stored) continue;
      if (stored) {
        const [, key, kind, pid] = stored;
        if (pid === undefined ? kind === 'index' && keep.has(key!) : writerRunning(Number(pid))) continue;
      }
      try {
        rmSync(join(dir, name), { force: true });
        removed++;
      } catch {
        // in use or read-only: tried again next start
      }
    }
    return removed + this.compactEntries(keep);
  }

  /** Rewrites ENTRIES_FILE with the latest line of each key in `keep`, when it holds any other; returns the lines dropped. */
  private compactEntries(keep: ReadonlySet<string>): number {
    this.saveEntries();
    const file = join(this.settings.dir!, ENTRIES_FILE);
    const read = readEntryLines(file);
    if (!read) return 0; // none yet
    const kept = [...read.byKey].filter(([key]) => keep.has(key));
    if (kept.length === read.lines) return 0;
    try {
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, kept.map(([key, json]) => `\n${key} ${json}`).join(''));
      renameSync(tmp, file);
    } catch {
      return 0; // read-only: tried again next start
    }
    if (this.stored) for (const key of [...this.stored.keys()]) if (!keep.has(key) || !read.byKey.has(key)) this.stored.delete(key);
    return read.lines - kept.length;
  }

  /** Built indexes in memory now. */
  get held(): number {
    return this.lru.size;
  }

  private load(entry: StoryEntry): StoryIndex | undefined {
    const data = this.read(entry.key);
    if (data === undefined) return undefined;
    try {
      const index = restoreIndex(data, entry.key, entry.dir, this.options);
      this.stats.loaded++;
      return index;
    } catch {
      this.stats.rebuilt++;
      return undefined; // stale or damaged: built again and stored over it
    }
  }

  private build(entry: StoryEntry): StoryIndex {
    const files = readStoryFiles(entry.dir, entry.root);
    const index = buildIndex(parseStory(entry.dir, files), this.options);
    this.stats.built++;
    // Stored under the key of what was read now (the files may have changed since start-up).
    const key = keyOf(files, this.options);
    this.write(key, storeIndex(index, key));
    return index;
  }
}

/**
 * A set of stories by slug, as a read-only map from slug to `StoryIndex` whose `get` builds (or loads) the
 * index on first use. Titles, routing terms and the other entry data are held for every story; iterating
 * `values()` builds every index, so only small libraries (tests, tools) should.
 */
export class StoryShelf implements ReadonlyMap<string, StoryIndex> {
  private readonly byslug = new Map<string, StoryEntry>();
  /** The routing terms of every story on the shelf. */
  readonly routing = new RoutingTable();

  constructor(readonly cache: IndexCache) {}

  /** Puts a story on the shelf (replacing one of the same slug). */
  put(entry: StoryEntry, terms: readonly string[]): void {
    const old = this.byslug.get(entry.slug);
    if (old) this.cache.forget(old);
    this.byslug.set(entry.slug, entry);
    this.routing.add(entry.slug, terms);
  }

  /** Reads a story folder (see `IndexCache.entry`) and puts it on the shelf; returns its entry. */
  putFolder(dir: string, root?: string): StoryEntry {
    const { entry, terms } = this.cache.entry(dir, root);
    this.put(entry, terms);
    return entry;
  }

  /** Takes a story off the shelf. */
  remove(slug: string): boolean {
    const entry = this.byslug.get(slug);
    if (!entry) return false;
    this.byslug.delete(slug);
    this.routing.remove(slug);
    this.cache.forget(entry);
    return true;
  }

  /** A story's entry (no index built). */
  entry(slug: string): StoryEntry | undefined {
    return this.byslug.get(slug);
  }

  /** Every entry, in the order put. */
  entryList(): StoryEntry[] {
    return [...this.byslug.values()];
  }

  get size(): number {
    return this.byslug.size;
  }

  has(slug: string): boolean {
    return this.byslug.has(slug);
  }

  get(slug: string): StoryIndex | undefined {
    const entry = this.byslug.get(slug);
    return entry && this.cache.index(entry);
  }

  keys(): MapIterator<string> {
    return this.byslug.keys();
  }

  *values(): MapIterator<StoryIndex> {
    for (const entry of this.byslug.values()) yield this.cache.index(entry);
  }

  *entries(): MapIterator<[string, StoryIndex]> {
    for (const entry of this.byslug.values()) yield [entry.slug, this.cache.index(entry)];
  }

  [Symbol.iterator](): MapIterator<[string, StoryIndex]> {
    return this.entries();
  }

  forEach(fn: (value: StoryIndex, key: string, map: ReadonlyMap<string, StoryIndex>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}
