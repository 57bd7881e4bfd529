import type { StoryIndex } from '../search/index.ts';
import { lexicon } from '../lexicon/index.ts';
import { figuresIn } from '../text/figures.ts';
import { termsOf, tokenizeWithOffsets } from '../text/terms.ts';
import { sameWord } from './extract.ts';
import type { AnalyzedQuery, QueryTerm } from './query.ts';
import { creditIn, type Candidate } from './retrieve.ts';

/** A question word that stands where the passage has another word: what each says. */
export interface Substitution {
  /** The question's word. */
  claim: string;
  /** The passage's word in the same place. */
  story: string;
}

/**
 * A word of the question that the passage does not have, standing between the same words as another word
 * of the passage: "uses a flexible set of rules" against "uses a fixed set of rules", "an extra supply of
 * random ribbons" against "… of random bits". The question copies the passage but for that one word, so it
 * asks about something the passage does not say. The words on both sides of it must be the passage's own,
 * at least one of them a content word; the passage's word must be a content word that the question's word
 * does not match in any way (not a synonym, typo or form). Only adjectives and figures are read so: nouns,
 * verbs and adverbs are what a reader rewords most.
 */
export function substitutedWord(index: StoryIndex, query: AnalyzedQuery, best: Candidate): Substitution | null {
  const s = best.sentence.index;
  const words = index.analyses[s]!.words;
  const sentenceTerms = index.sentenceTerms[s]!;
  const tokens = tokenizeWithOffsets(query.normalized).map((t) => ({ ...t, word: t.token.toLowerCase() }));
  // The words around it are the passage's own words (the same word or stem: not a synonym, nor any word of a name).
  const is = (word: string | undefined, i: number) => {
    const w = word !== undefined && i >= 0 && i < words.length ? words[i]! : undefined;
    if (!w || word === undefined) return false;
    const own = termsOf(word);
    return w.text.toLowerCase() === word || (own.length > 0 && own.some((x) => termsOf(w.text).includes(x)));
  };
  const content = (word: string | undefined) => word !== undefined && termsOf(word).length > 0;
  for (const t of query.terms) {
    if (creditIn(sentenceTerms, t) > 0) continue;
    // Only a word that describes or counts ("flexible", "smallest", "three"): nouns, verbs and adverbs are
    // what a reader rewords most ("sections" for "members", "make" for "produce", "sometimes" for "often").
    if (!figuresIn(t.token).length && !describes(t.token)) continue;
    const k = tokens.findIndex((x) => x.start === t.start);
    if (k < 0) continue;
    const [l1, r1] = [tokens[k - 1]?.word, tokens[k + 1]?.word];
    for (let j = 0; j < words.length; j++) {
      if (!content(words[j]!.text) || replaces(index, s, query, t, j)) continue;
      if (is(l1, j - 1) && is(r1, j + 1) && (content(l1) || content(r1))) return { claim: t.token, story: words[j]!.text };
    }
  }
  return null;
}

/** Whether a word's likeliest reading (WordNet's first lemma) is an adjective. */
function describes(word: string): boolean {
  const pos = lexicon.lemmas(word.toLowerCase())[0]?.pos;
  return pos === 'a';
}

/** Whether the passage's word at `j` is the question word after all (any of its forms, at any credit). */
function replaces(index: StoryIndex, s: number, query: AnalyzedQuery, t: QueryTerm, j: number): boolean {
  const ts = index.wordTerms[s]![j]!;
  return ts.some((x) => t.forms.has(x)) || sameWord(index, s, query, t.token.toLowerCase(), j);
}
