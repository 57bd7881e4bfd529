import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import { termsOf, tokenize, typoAllowance } from '../text/terms.ts';

/**
 * The one place that owns MiniSearch's options: the index and every query use these, so the
 * two can never drift apart.
 */

/** What one indexed document is: a whole paragraph, one sentence, or one annotated fact. */
export type DocType = 'paragraph' | 'sentence' | 'fact';

/** A document as indexed. `ref` is the paragraph number, sentence index or fact id. */
export interface SearchDoc {
  id: string;
  type: DocType;
  ref: string | number;
  /** The words themselves: paragraph, sentence, or the fact's quote. */
  text: string;
  /** A fact's short answer (empty for paragraphs and sentences). */
  answer: string;
  /** Entity tokens (`entity:<id>`) for every entity the text names by any alias. */
  entities: string;
  /** For a sentence, the rest of its paragraph: weak evidence that the sentence is about the topic. */
  context: string;
}

export const SEARCH_FIELDS = ['text', 'answer', 'entities', 'context'] as const;

/**
 * Field boosts. The words of the passage itself count most; a fact's answer and named entities next
 * (so "Who greeted Putin" finds the fact whose answer is a person, and "DPRK" finds "Pyongyang");
 * the surrounding paragraph only breaks ties.
 */
export const FIELD_BOOSTS: Record<(typeof SEARCH_FIELDS)[number], number> = { text: 2, answer: 1, entities: 1.5, context: 0.3 };

/** Processes a term the same way at index and query time: stopwords out, stem, hyphen parts, synonym group. */
export function processTerm(term: string): string[] | null {
  const terms = termsOf(term);
  // MiniSearch only reads the terms; termsOf's array is shared (remembered), so it is handed over as it is.
  return terms.length ? (terms as string[]) : null;
}

/** Typo tolerance by term length: none below five letters, one edit to seven, two from eight. */
export function fuzzy(term: string): number | false {
  const n = typoAllowance(term);
  return n === 0 ? false : n;
}

/** Index options, shared by every story index. */
export const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: [...SEARCH_FIELDS],
  storeFields: ['type', 'ref'],
  tokenize,
  processTerm,
};

/** Query options: the same processing, plus boosts and typo tolerance. */
export const QUERY_OPTIONS: SearchOptions = {
  boost: FIELD_BOOSTS,
  fuzzy: (term) => fuzzy(term),
  maxFuzzy: 2,
  prefix: false,
  combineWith: 'OR',
  tokenize,
  processTerm,
  // Sentences and facts are short; soften length normalisation so a long sentence is not punished much.
  bm25: { k: 1.2, b: 0.5, d: 0.5 },
};

/** A fresh, empty MiniSearch with the shared options. */
export function createIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({ ...INDEX_OPTIONS, searchOptions: QUERY_OPTIONS });
}

/** A MiniSearch stored with `toJSON()`, loaded back with the shared options. */
export function loadIndex(stored: AsPlainObject): MiniSearch<SearchDoc> {
  return MiniSearch.loadJS<SearchDoc>(stored, { ...INDEX_OPTIONS, searchOptions: QUERY_OPTIONS });
}

/** A plain MiniSearch over paragraphs with default options: the baseline benchmarks and evals compare against. */
export function createBaselineIndex(): MiniSearch<{ id: number; text: string }> {
  return new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: ['id'] });
}
