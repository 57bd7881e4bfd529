import { predicateTerms, type AnalyzedQuery, type QueryTerm } from './query.ts';
import { coverage, creditIn, type Candidate } from './retrieve.ts';
import type { StoryIndex } from '../search/index.ts';
import type { EngineOptions } from './options.ts';

/** Why a question is out of the story, or null when the story may answer it. */
export interface OutOfStory {
  /** Names, places or numbers in the question that the story never mentions. */
  unknownNames: string[];
  /** The question's words the story never uses. */
  unknownTerms: string[];
}

/**
 * Decides whether the story can answer at all: not when it uses none of the question's words, when the
 * question names someone, somewhere or a number the story never mentions, when most of its weight lies
 * in words the story never uses, when no sentence covers enough of it, or when the story knows the
 * question's names but none of what it asks about them.
 */
export function outOfStory(index: StoryIndex, query: AnalyzedQuery, best: Candidate | undefined, strictNames = false): OutOfStory | null {
  const options: EngineOptions = index.options;
  const unknown: QueryTerm[] = query.terms.filter((t) => !t.known);
  const result = { unknownNames: unknown.filter((t) => t.salient).map((t) => t.token), unknownTerms: unknown.map((t) => t.token) };
  let total = 0;
  let unknownWeight = 0;
  for (const t of query.terms) { total += t.weight; if (!t.known) unknownWeight += t.weight; }
  if (!query.terms.some((t) => t.known)) return result;
  // An unknown name ends it, unless the rest of the question matches one passage closely (a name the
  // story spells differently). Factchecks are stricter: see factcheck.ts.
  if (result.unknownNames.length && (strictNames || !best || best.coverage < options.nameOverrideCoverage)) return result;
  if (total > 0 && unknownWeight / total > options.maxUnknownShare) return result;
  if (!best || best.coverage < options.minCoverage) return result;
  // Naming the story's people is not enough: when everything the question says about them ("born",
  // "married") is foreign to the story, the story does not answer it.
  const predicate = predicateTerms(query);
  // Only loose WordNet links ("married" → the "ties" between countries) do not make it known, unless the
  // question's other words pin the passage down.
  const firm = (t: QueryTerm) => [...t.forms.values()].some((c) => c >= options.firmCredit);
  if (predicate.length && predicate.every((t) => !firm(t)) && !pinned(index, query, best, predicate)) return result;
  // What the question asks about its names must be in the passage, not only the names.
  if (predicate.length && coverage(index, query, best.sentence, predicate) < options.minPredicateCoverage) return result;
  return null;
}

/**
 * Whether the question's other words, those the best passage firmly has, pin it down: they stand together in
 * at most `pinnedSentences` of the story's sentences ("Lady Gaga", "Examination Boards"), so a question verb
 * the passage says otherwise ("sing" for "performed") still asks about it. A story's main people stand together
 * in many sentences ("putin … nk"): naming them is not enough.
 */
function pinned(index: StoryIndex, query: AnalyzedQuery, best: Candidate, predicate: QueryTerm[]): boolean {
  const limit = index.options.pinnedSentences;
  if (limit <= 0) return false;
  const firm = index.options.firmCredit;
  const own = index.sentenceTerms[best.sentence.index]!;
  const others = query.terms.filter((t) => !predicate.includes(t) && creditIn(own, t) >= firm);
  if (!others.length) return false;
  let n = 0;
  for (const terms of index.sentenceTerms) if (others.every((t) => creditIn(terms, t) >= firm) && ++n > limit) return false;
  return true;
}
