import type { StoryIndex } from '../search/index.ts';
import type { AnchoredFact, Sentence } from '../story/types.ts';
import { ENTITY_PREFIX } from '../text/terms.ts';
import type { AnalyzedQuery, QueryTerm } from './query.ts';

/** A sentence that may answer the question, with how well it matches. */
export interface Candidate {
  sentence: Sentence;
  /** Share of the question's weight found in the sentence (a word found only elsewhere in its paragraph counts a little). */
  coverage: number;
  /** MiniSearch relevance (sentence, its facts and its paragraph), relative to the best candidate, 0..1. */
  relevance: number;
  /** The ranking score: coverage first, relevance to break near-ties. */
  score: number;
  facts: AnchoredFact[];
}

/** The credit a set of terms gives a question word: its best form present, 0 when none is. */
export function creditIn(set: ReadonlySet<string>, term: QueryTerm): number {
  let best = 0;
  // forEach, not for…of: no entry array per form (this runs for every word of every candidate sentence).
  term.forms.forEach((credit, form) => { if (credit > best && set.has(form)) best = credit; });
  return best;
}

/** Share of the question's weight that a sentence covers. */
export function coverage(index: StoryIndex, query: AnalyzedQuery, sentence: Sentence, terms: QueryTerm[] = query.terms): number {
  let total = 0;
  for (const t of terms) total += t.weight;
  if (total === 0) return 0;
  const inSentence = index.sentenceTerms[sentence.index]!;
  const inParagraph = index.paragraphTerms[sentence.paragraph]!;
  const paragraphCredit = index.options.paragraphCredit;
  let got = 0;
  for (const t of terms) got += t.weight * Math.max(creditIn(inSentence, t), creditIn(inParagraph, t) * paragraphCredit);
  return got / total;
}

/** The question words (by token) a sentence holds. */
export function coveredTokens(index: StoryIndex, query: AnalyzedQuery, sentence: Sentence): string[] {
  const set = index.sentenceTerms[sentence.index]!;
  return query.terms.filter((t) => creditIn(set, t) > 0).map((t) => t.token);
}

/**
 * Ranks the story's sentences for a question. Every sentence holding one of the question's forms is a
 * candidate; its coverage of the question's weight ranks it, and MiniSearch relevance (its own score,
 * half its facts' and a fifth of its paragraph's, with fields and boosts from search/options.ts) breaks
 * near-ties.
 */
export function rankSentences(index: StoryIndex, query: AnalyzedQuery, limit = 5): Candidate[] {
  const { story, mini, options } = index;
  const pool = new Set<number>();
  for (const t of query.terms) for (const form of t.forms.keys()) for (const s of index.postings.get(form) ?? []) pool.add(s);
  if (!pool.size) return [];
  const raw = new Map<number, number>();
  const add = (s: number, v: number) => { if (pool.has(s)) raw.set(s, (raw.get(s) ?? 0) + v); };
  const words = query.terms.map((t) => t.token);
  const entityTokens = query.entities.map((id) => ENTITY_PREFIX + id);
  for (const r of mini.search([...words, ...entityTokens].join(' '), options.searchTypos ? {} : { fuzzy: false })) {
    if (r.type === 'sentence') add(r.ref as number, r.score);
    else if (r.type === 'fact') {
      const fact = index.factsById.get(r.ref as string);
      if (fact) add(fact.sentence, r.score * options.factRelevance);
    } else {
      for (const s of story.sentences) if (s.paragraph === r.ref) add(s.index, r.score * options.paragraphRelevance);
    }
  }
  let best = 0;
  for (const v of raw.values()) if (v > best) best = v;
  const candidates: Candidate[] = [];
  for (const s of pool) {
    const sentence = story.sentences[s]!;
    const cov = coverage(index, query, sentence);
    const relevance = best > 0 ? (raw.get(s) ?? 0) / best : 0;
    // A headline is short, so BM25 rates it high on any shared word: it ranks by coverage alone.
    const weight = sentence.paragraph === 0 ? options.headlineRelevance : options.relevanceWeight;
    candidates.push({ sentence, coverage: cov, relevance, score: cov + weight * relevance, facts: index.factsBySentence.get(s) ?? [] });
  }
  return candidates.sort((a, b) => b.score - a.score || a.sentence.index - b.sentence.index).slice(0, limit);
}
