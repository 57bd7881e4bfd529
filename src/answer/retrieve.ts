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

/** Weight of a question word found only in the sentence's paragraph, not the sentence itself. */
const PARAGRAPH_CREDIT = 0.35;
/** Weight of a question word matched only through a synonym ("met" for "greeted"). */
const SYNONYM_CREDIT = 0.7;

const covers = (set: Set<string>, term: QueryTerm) => [...term.forms].some((f) => set.has(f));
/** 1 for the word itself, SYNONYM_CREDIT for a synonym, 0 for neither. */
const credit = (set: Set<string>, term: QueryTerm) => ([...term.exact].some((f) => set.has(f)) ? 1 : covers(set, term) ? SYNONYM_CREDIT : 0);

/** Share of the question's weight that a sentence covers. */
export function coverage(index: StoryIndex, query: AnalyzedQuery, sentence: Sentence, terms: QueryTerm[] = query.terms): number {
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  if (total === 0) return 0;
  const inSentence = index.sentenceTerms[sentence.index]!;
  const inParagraph = index.paragraphTerms[sentence.paragraph]!;
  let got = 0;
  for (const t of terms) got += t.weight * Math.max(credit(inSentence, t), credit(inParagraph, t) * PARAGRAPH_CREDIT);
  return got / total;
}

/** The question words (by token) a sentence holds. */
export function coveredTokens(index: StoryIndex, query: AnalyzedQuery, sentence: Sentence): string[] {
  const set = index.sentenceTerms[sentence.index]!;
  return query.terms.filter((t) => covers(set, t)).map((t) => t.token);
}

/**
 * Ranks the story's sentences for a question. MiniSearch scores paragraphs, sentences and facts in one
 * query (fields and boosts from search/options.ts); each sentence collects its own score, half its facts'
 * and a fifth of its paragraph's. The rank is then coverage of the question's words, relevance breaking ties.
 */
export function rankSentences(index: StoryIndex, query: AnalyzedQuery, limit = 5): Candidate[] {
  const { story, mini } = index;
  const entityTokens = query.entities.map((id) => ENTITY_PREFIX + id).join(' ');
  const raw = new Map<number, number>();
  const add = (s: number, v: number) => raw.set(s, (raw.get(s) ?? 0) + v);
  const results = mini.search(`${query.terms.map((t) => t.token).join(' ')} ${entityTokens}`.trim());
  for (const r of results) {
    if (r.type === 'sentence') add(r.ref as number, r.score);
    else if (r.type === 'fact') {
      const fact = index.factsById.get(r.ref as string);
      if (fact) add(fact.sentence, r.score * 0.5);
    } else {
      for (const s of story.sentences) if (s.paragraph === r.ref) add(s.index, r.score * 0.2);
    }
  }
  let best = 0; // a loop, not Math.max(...values): a huge story has more sentences than the stack has room for arguments
  for (const v of raw.values()) if (v > best) best = v;
  const candidates: Candidate[] = [];
  for (const [s, v] of raw) {
    const sentence = story.sentences[s]!;
    const cov = coverage(index, query, sentence);
    const relevance = best > 0 ? v / best : 0;
    candidates.push({ sentence, coverage: cov, relevance, score: cov + 0.25 * relevance, facts: index.factsBySentence.get(s) ?? [] });
  }
  return candidates.sort((a, b) => b.score - a.score || a.sentence.index - b.sentence.index).slice(0, limit);
}
