import { SYNONYM_GROUPS } from './synonyms.ts';
import { STOPWORDS, stem, termsOf } from './terms.ts';

/**
 * Word meaning as one story needs it: which of the story's own terms a reader's word may stand for
 * (a synonym, a derivation, an adjective for its noun), and whether a word is English at all. Built
 * once per story from the lexical source; a question word then costs one map look-up.
 */
export interface Meaning {
  /** Whether the word is an English word (so an unknown one is a name or a typo). */
  isWord(word: string): boolean;
  /** The story terms related to a word, each with the credit a match through it earns (below 1). */
  storyTermsFor(word: string): ReadonlyMap<string, number>;
  /** A word of the given term set that means the opposite of `word` ("praised" for "criticized"), or null. */
  antonymsIn(word: string, terms: ReadonlySet<string>): string | null;
  /** Whether the word is only ever an adverb ("personally", "really"): not an element a claim must match. */
  isAdverbOnly(word: string): boolean;
}

/** Credits for matches through a relation, by how close the meaning stays. */
export interface MeaningCredits {
  synonym: number;
  derivation: number;
  pertainym: number;
  similar: number;
  hypernym: number;
  hyponym: number;
}

const EMPTY: ReadonlyMap<string, number> = new Map();

/**
 * A meaning map from the general synonym table (used until the WordNet lexicon is available): every word
 * of a group the story uses links to the story's words of that group.
 */
export function tableMeaning(storyTerms: ReadonlySet<string>, credit = 0.7): Meaning {
  const byStem = new Map<string, Map<string, number>>();
  for (const group of SYNONYM_GROUPS) {
    const stems = group.map((w) => stem(w));
    const inStory = stems.filter((s) => storyTerms.has(s));
    if (!inStory.length) continue;
    for (const s of stems) {
      const m = byStem.get(s) ?? new Map<string, number>();
      for (const t of inStory) if (t !== s) m.set(t, credit);
      byStem.set(s, m);
    }
  }
  return {
    // Without a word list, any all-letter word is taken for English; typos are still matched to the story.
    isWord: (word) => STOPWORDS.has(word.toLowerCase()) || /^\p{L}+$/u.test(word),
    antonymsIn: () => null,
    isAdverbOnly: (word) => /ly$/i.test(word) && word.length > 5,
    storyTermsFor: (word) => {
      const key = termsOf(word)[0];
      return (key && byStem.get(key)) || EMPTY;
    },
  };
}
