import type { AsPlainObject } from 'minisearch';
import type { EngineOptions } from '../answer/options.ts';
import type { Story } from '../story/types.ts';
import type { SentenceAnalysis } from '../text/analyze.ts';
import type { MeaningTables } from '../text/meaning.ts';
import { buildIndex, type StoryIndex, type StoryTerms } from './index.ts';
import { loadIndex } from './options.ts';

type Pairs<V> = [string, V][];

/**
 * A story's index as stored on disk (src/story/shelf.ts keeps these under DATA_DIR). Profiled on the
 * default story, a build is about half compromise's parse of every paragraph, a third WordNet look-ups for
 * the story's words, and the rest MiniSearch's indexing and the term sets (stemming every word): all of it
 * is stored, so a load is JSON parsing plus rebuilding a few maps, with no text processing.
 */
export interface StoredIndex {
  /** INDEX_FORMAT when written: another value is never read. */
  format: number;
  /** What the index was built from (the story's files, the engine options, the format): a mismatch is never read. */
  key: string;
  /** The validated story, without its folder (the reader supplies where it lives now). */
  story: Omit<Story, 'dir'>;
  mini: AsPlainObject;
  analyses: SentenceAnalysis[];
  meaning: Record<keyof MeaningTables, Pairs<string[]>>;
  terms: {
    sentenceTerms: string[][];
    paragraphTerms: string[][];
    factTerms: Pairs<string[]>;
    surface: Pairs<readonly string[]>;
    nameWords: string[];
    nameParts: Pairs<string[]>;
    initialisms: Pairs<string>;
    wordTerms: string[][][];
  };
}

/**
 * The stored index format. Raise it whenever what an index holds or how it is built changes (the analyses,
 * the term processing, MiniSearch's options, the meaning tables): files of another format are rebuilt.
 */
export const INDEX_FORMAT = 13;

const TABLES = ['byLemmaPos', 'byLemma', 'lemmasByTerm', 'byDerived', 'byPertained', 'byAncestor', 'bySynonym'] as const satisfies readonly (keyof MeaningTables)[];

const setPairs = (m: ReadonlyMap<string, ReadonlySet<string>>): Pairs<string[]> => [...m].map(([k, v]) => [k, [...v]]);
const setMap = (pairs: Pairs<string[]>): Map<string, Set<string>> => new Map(pairs.map(([k, v]) => [k, new Set(v)]));

/** An index as plain data for JSON, under `key`. */
export function storeIndex(index: StoryIndex, key: string): StoredIndex {
  const { dir: _dir, ...story } = index.story;
  const meaning = Object.fromEntries(TABLES.map((t) => [t, setPairs(index.meaningTables[t])])) as StoredIndex['meaning'];
  return {
    format: INDEX_FORMAT, key, story, mini: index.mini.toJSON(), analyses: index.analyses, meaning,
    terms: {
      sentenceTerms: index.sentenceTerms.map((s) => [...s]),
      paragraphTerms: index.paragraphTerms.map((s) => [...s]),
      factTerms: setPairs(index.factTerms),
      surface: [...index.surface],
      nameWords: [...index.nameWords],
      nameParts: [...index.nameParts],
      initialisms: [...index.initialisms],
      wordTerms: index.wordTerms,
    },
  };
}

/** A stored index that can't be used: another format or key, or damaged. */
export class StaleIndexError extends Error {}

function need(ok: boolean, what: string): void {
  if (!ok) throw new StaleIndexError(what);
}

/**
 * Rebuilds an index from its stored form for the story folder `dir`. Throws StaleIndexError when the data
 * is of another format or key, or not what it should be; anything thrown means: build it again.
 */
export function restoreIndex(data: unknown, key: string, dir: string, options: EngineOptions): StoryIndex {
  const stored = data as Partial<StoredIndex> | null;
  need(!!stored && typeof stored === 'object' && stored.format === INDEX_FORMAT && stored.key === key, 'another format or key');
  const { story, mini, analyses, meaning, terms } = stored!;
  need(!!story && Array.isArray(story.paragraphs) && Array.isArray(story.sentences) && Array.isArray(story.facts) && !!mini && !!meaning && !!terms, 'incomplete');
  const n = story!.sentences.length;
  need(Array.isArray(analyses) && analyses.length === n && terms!.sentenceTerms?.length === n && terms!.wordTerms?.length === n, 'sentences do not match');
  need(terms!.paragraphTerms?.length === story!.paragraphs.length, 'paragraphs do not match');
  for (const t of TABLES) need(Array.isArray(meaning![t]), `meaning table ${t} missing`);
  const t = terms!;
  const restored: StoryTerms = {
    sentenceTerms: t.sentenceTerms.map((s) => new Set(s)),
    paragraphTerms: t.paragraphTerms.map((s) => new Set(s)),
    factTerms: setMap(t.factTerms),
    surface: new Map(t.surface),
    partsOfSpeech: new Map(), // only needed to build the meaning tables, which are stored
    nameWords: new Set(t.nameWords),
    nameParts: new Map(t.nameParts),
    initialisms: new Map(t.initialisms),
    wordTerms: t.wordTerms,
  };
  const tables = Object.fromEntries(TABLES.map((name) => [name, setMap(meaning![name])])) as unknown as MeaningTables;
  return buildIndex({ ...story!, dir }, options, { mini: loadIndex(mini!), analyses: analyses!, meaningTables: tables, terms: restored });
}
