import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { z } from 'zod';
import { splitSentences } from '../text/sentences.ts';
import { FactsFileSchema, StoryMetaSchema, type Fact, type Quote } from './schema.ts';
import type { AnchoredFact, Sentence, Story } from './types.ts';

/** A story folder that cannot be loaded; the message names the file, the fact id and the field. */
export class StoryDataError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'StoryDataError';
  }
}

/** Size limits at load: a news article is tens of kB; these leave room and keep every answer fast. */
export const LOAD_LIMITS = {
  /** Bytes of `article.txt`. */
  article: 256 * 1024,
  /** Bytes of `story.json` or `facts.json`. */
  json: 1024 * 1024,
  /** Bytes of one story folder's three files together. */
  story: 2 * 1024 * 1024,
  /** Story folders under STORIES_DIR (indexes are built on first use, so thousands load in seconds). */
  stories: 20_000,
} as const satisfies Record<string, number>;

/** A path as the user should read it: relative to the working directory when inside it, else absolute. */
export function showPath(file: string): string {
  const abs = resolve(file);
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}
const show = showPath;

const kb = (n: number) => `${Math.round(n / 1024)} kB`;

/** True when `path` is `root` or lies inside it (both already real paths). */
const inside = (root: string, path: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/** What a failed file-system call means for the reader, without a stack trace. */
function fsProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'file is missing';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'ELOOP') return 'is a symbolic link loop';
  return `cannot be read (${code ?? (err as Error)?.message ?? String(err)})`;
}

/**
 * Reads one file of a story, confined to `root` (the stories folder): its real path, after every symbolic
 * link, must lie inside `root`'s real path, and it must be a regular file within `limit` bytes. Links out
 * (`article.txt -> ../../.env`), dangling links and oversized files are refused with the file named.
 */
export function readConfined(root: string, file: string, limit: number, known?: ConfinedFolder): string {
  let fd: number | undefined;
  // A file named in a folder already resolved inside the root, opened without following a final link: no
  // path walk (a link is refused by the open and then resolved the long way below).
  if (known && resolve(dirname(file)) === known.dir) {
    try {
      fd = openSync(join(known.realDir, basename(file)), constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ELOOP' && code !== 'EMLINK') throw new StoryDataError(show(file), [fsProblem(err)]);
    }
  }
  if (fd === undefined) {
    let real: string;
    try {
      real = realpathSync.native(file);
    } catch (err) {
      let dangling = false;
      try { dangling = lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() === true; } catch { /* the folder itself is unreadable */ }
      throw new StoryDataError(show(file), [dangling ? 'is a symbolic link to a file that does not exist' : fsProblem(err)]);
    }
    const realRoot = known?.realRoot ?? realRootOf(root);
    if (!inside(realRoot, real)) throw new StoryDataError(show(file), [`is a link to ${show(real)}, outside the stories folder ${show(root)}; refused`]);
    try {
      fd = openSync(real, 'r');
    } catch (err) {
      throw new StoryDataError(show(file), [fsProblem(err)]);
    }
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new StoryDataError(show(file), ['is not a regular file']);
    if (st.size > limit) throw new StoryDataError(show(file), [`is ${(st.size / 1024).toFixed(1)} kB, over the ${kb(limit)} limit for this file`]);
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, st.size - got, got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got).toString('utf8');
  } catch (err) {
    if (err instanceof StoryDataError) throw err;
    throw new StoryDataError(show(file), [fsProblem(err)]);
  } finally {
    closeSync(fd);
  }
}

/** A story folder resolved once, inside its stories folder: its files are then opened without a path walk each. */
export interface ConfinedFolder {
  /** The folder as given, resolved (not following links). */
  dir: string;
  /** Its real path, inside `realRoot`. */
  realDir: string;
  realRoot: string;
}

/** Resolves a story folder inside `root`, or undefined (a link out of it, or unreadable: each file then says why). */
function confinedFolder(root: string, dir: string): ConfinedFolder | undefined {
  const realRoot = realRootOf(root);
  let realDir: string;
  try {
    realDir = realpathSync.native(dir);
  } catch {
    return undefined;
  }
  return inside(realRoot, realDir) ? { dir: resolve(dir), realDir, realRoot } : undefined;
}

function realRootOf(root: string): string {
  try {
    return realpathSync.native(root);
  } catch (err) {
    throw new StoryDataError(show(root), [`stories directory ${fsProblem(err) === 'file is missing' ? 'does not exist (set STORIES_DIR)' : fsProblem(err)}`]);
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new StoryDataError(show(file), [`not valid JSON (${(err as Error).message})`]);
  }
}

/** Describes zod issues with the fact id (not just its index) where the path goes through `facts[i]`. */
function describeIssues(error: z.ZodError, raw: unknown): string[] {
  return error.issues.map((issue) => {
    const path = [...issue.path];
    let where = '';
    if (path[0] === 'facts' && typeof path[1] === 'number') {
      const rawFact = (raw as { facts?: unknown[] })?.facts?.[path[1]] as { id?: unknown } | undefined;
      where = typeof rawFact?.id === 'string' ? `fact "${rawFact.id}"` : `facts[${path[1]}] (no id)`;
      path.splice(0, 2);
    }
    const field = path.length ? `field "${path.join('.')}"` : '';
    return [where, field].filter(Boolean).join(', ') + (where || field ? ': ' : '') + issue.message;
  });
}

/** Splits an article file into paragraphs: the headline on the first line, then one paragraph a line. */
export function parseArticle(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
}

/**
 * Finds a quote in a paragraph, TextQuoteSelector style: the exact text, narrowed by prefix/suffix when given.
 * Returns the start offsets of every match.
 */
export function findQuote(paragraph: string, quote: Quote): number[] {
  const hits: number[] = [];
  for (let at = paragraph.indexOf(quote.exact); at !== -1; at = paragraph.indexOf(quote.exact, at + 1)) {
    if (quote.prefix && !paragraph.slice(0, at).endsWith(quote.prefix)) continue;
    if (quote.suffix && !paragraph.slice(at + quote.exact.length).startsWith(quote.suffix)) continue;
    hits.push(at);
  }
  return hits;
}

function anchorFacts(file: string, facts: Fact[], paragraphs: string[], sentences: Sentence[], ids: Set<string>, sourceIds: Set<string>): AnchoredFact[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const anchored: AnchoredFact[] = [];
  for (const fact of facts) {
    const at = `fact "${fact.id}"`;
    if (seen.has(fact.id)) problems.push(`${at}, field "id": duplicate id`);
    seen.add(fact.id);
    for (const ref of [...fact.entities, ...(fact.answer?.ref ? [fact.answer.ref] : [])]) {
      if (!ids.has(ref)) problems.push(`${at}, field "entities": unknown entity or source id "${ref}" (declare it in story.json)`);
    }
    for (const source of fact.attribution) {
      if (source === 'article' ? fact.attribution.length > 1 : !sourceIds.has(source)) {
        problems.push(`${at}, field "attribution": ${source === 'article' ? '"article" stands alone' : `unknown source id "${source}"`}`);
      }
    }
    const paragraph = paragraphs[fact.paragraph];
    if (paragraph === undefined) {
      problems.push(`${at}, field "paragraph": ${fact.paragraph} is past the last paragraph (${paragraphs.length - 1})`);
      continue;
    }
    const hits = findQuote(paragraph, fact.quote);
    if (hits.length !== 1) {
      problems.push(hits.length === 0
        ? `${at}, field "quote.exact": not found in paragraph ${fact.paragraph}`
        : `${at}, field "quote": matches ${hits.length} times in paragraph ${fact.paragraph}; add a prefix or suffix`);
      continue;
    }
    const start = hits[0]!;
    const sentence = sentences.find((s) => s.paragraph === fact.paragraph && s.start <= start && start < s.end);
    // Object.assign, not a spread: spreading zod's output objects is ~15× slower, most of loading a story's facts.
    anchored.push(Object.assign({}, fact, { start, end: start + fact.quote.exact.length, sentence: sentence?.index ?? 0 }));
  }
  if (problems.length) throw new StoryDataError(show(file), problems);
  return anchored;
}

/** The three files of a story folder, as read (confined, within LOAD_LIMITS). */
export interface StoryFiles {
  article: string;
  meta: string;
  facts: string;
}

/**
 * Reads the three files of a story folder (`article.txt`, `story.json`, `facts.json`), each confined to
 * `root` (default: the folder's parent, the stories folder) and within LOAD_LIMITS.
 */
export function readStoryFiles(dir: string, root: string = dirname(resolve(dir))): StoryFiles {
  let total = 0;
  const folder = confinedFolder(root, dir);
  const read = (file: string, limit: number) => {
    const text = readConfined(root, file, limit, folder);
    total += Buffer.byteLength(text);
    if (total > LOAD_LIMITS.story) throw new StoryDataError(show(dir), [`the story's files add up to more than the ${kb(LOAD_LIMITS.story)} limit for a story`]);
    return text;
  };
  return { article: read(join(dir, 'article.txt'), LOAD_LIMITS.article), meta: read(join(dir, 'story.json'), LOAD_LIMITS.json), facts: read(join(dir, 'facts.json'), LOAD_LIMITS.json) };
}

/**
 * Loads and validates one story folder (`article.txt`, `story.json`, `facts.json`). Every file is read
 * confined to `root` (default: the folder's parent, the stories folder) and within LOAD_LIMITS.
 */
export function loadStory(dir: string, root: string = dirname(resolve(dir))): Story {
  return parseStory(dir, readStoryFiles(dir, root));
}

/** Validates a story folder's files (as `readStoryFiles` read them) into a Story; throws StoryDataError naming the file, fact and field. */
export function parseStory(dir: string, files: StoryFiles): Story {
  const articleFile = join(dir, 'article.txt');
  const paragraphs = parseArticle(files.article);
  if (paragraphs.length < 2) throw new StoryDataError(show(articleFile), ['needs a headline line and at least one paragraph']);

  const metaFile = join(dir, 'story.json');
  const rawMeta = parseJson(metaFile, files.meta);
  const meta = StoryMetaSchema.safeParse(rawMeta);
  if (!meta.success) throw new StoryDataError(show(metaFile), describeIssues(meta.error, rawMeta));
  const ids = new Set<string>();
  const dupes: string[] = [];
  for (const { id } of [...meta.data.sources, ...meta.data.entities]) {
    if (ids.has(id)) dupes.push(`field "sources/entities": duplicate id "${id}"`);
    ids.add(id);
  }
  if (dupes.length) throw new StoryDataError(show(metaFile), dupes);

  const sentences: Sentence[] = [];
  paragraphs.forEach((text, paragraph) => {
    for (const span of splitSentences(text)) sentences.push({ index: sentences.length, paragraph, ...span });
  });

  const factsFile = join(dir, 'facts.json');
  const rawFacts = parseJson(factsFile, files.facts);
  const facts = FactsFileSchema.safeParse(rawFacts);
  if (!facts.success) throw new StoryDataError(show(factsFile), describeIssues(facts.error, rawFacts));
  const sourceIds = new Set(meta.data.sources.map((s) => s.id));
  const anchored = anchorFacts(factsFile, facts.data.facts, paragraphs, sentences, ids, sourceIds);
  if (meta.data.annotated) {
    const uncovered = paragraphs.map((_, i) => i).filter((i) => i > 0 && !anchored.some((f) => f.paragraph === i));
    if (uncovered.length) throw new StoryDataError(show(factsFile), [`annotated story has no fact for paragraph(s) ${uncovered.join(', ')}`]);
  }

  return { slug: meta.data.slug, dir, meta: meta.data, paragraphs, sentences, facts: anchored, sources: meta.data.sources, entities: meta.data.entities };
}

/** The story folders under `storiesDir`, sorted (hidden folders skipped; links out of it refused); at most LOAD_LIMITS.stories. */
export function storyFolders(storiesDir: string): string[] {
  const realRoot = realRootOf(storiesDir);
  if (!statSync(realRoot).isDirectory()) throw new StoryDataError(show(storiesDir), ['is not a directory (set STORIES_DIR to the stories folder)']);
  let names: string[];
  try {
    names = readdirSync(storiesDir);
  } catch (err) {
    throw new StoryDataError(show(storiesDir), [`stories directory ${fsProblem(err)}`]);
  }
  const folders = names.filter((name) => {
    if (name.startsWith('.')) return false; // hidden folders (.git, shared assets) are not stories
    const path = join(storiesDir, name);
    let real: string;
    try {
      real = realpathSync.native(path);
    } catch {
      throw new StoryDataError(show(path), ['is a symbolic link to something that does not exist']);
    }
    if (!statSync(real).isDirectory()) return false;
    if (!inside(realRoot, real)) throw new StoryDataError(show(path), [`is a link to ${show(real)}, outside the stories folder ${show(storiesDir)}; refused`]);
    return true;
  }).sort();
  if (folders.length > LOAD_LIMITS.stories) throw new StoryDataError(show(storiesDir), [`holds ${folders.length} story folders, over the limit of ${LOAD_LIMITS.stories}`]);
  if (!folders.length) throw new StoryDataError(show(storiesDir), ['no story folders found']);
  return folders;
}

/** Refuses a story whose `story.json` slug is not its folder's name. */
export function checkSlug(story: Pick<Story, 'slug'>, storiesDir: string, name: string): void {
  if (story.slug !== name) throw new StoryDataError(show(join(storiesDir, name, 'story.json')), [`field "slug": "${story.slug}" does not match its folder name "${name}"`]);
}

/** Loads every story folder under `storiesDir` (each a directory holding `story.json`; hidden folders are skipped). */
export function loadStories(storiesDir: string): Story[] {
  return storyFolders(storiesDir).map((name) => {
    const story = loadStory(join(storiesDir, name), storiesDir);
    checkSlug(story, storiesDir, name);
    return story;
  });
}
