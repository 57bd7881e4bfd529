import { predicateTerms, type AnalyzedQuery, type QueryTerm } from './query.ts';
import type { Candidate } from './retrieve.ts';

/** Below this share of the question's weight in one sentence (and its paragraph), the story does not answer it. */
export const MIN_COVERAGE = 0.5;
/** Above this share of unknown words (by weight) the question is about something else. */
export const MAX_UNKNOWN_SHARE = 0.6;

/** Coverage above which an unknown name in a question is not enough to abstain. */
export const NAME_OVERRIDE_COVERAGE = 0.7;

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
export function outOfStory(query: AnalyzedQuery, best: Candidate | undefined, strictNames = false): OutOfStory | null {
  const unknown: QueryTerm[] = query.terms.filter((t) => !t.known);
  const result = { unknownNames: unknown.filter((t) => t.salient).map((t) => t.token), unknownTerms: unknown.map((t) => t.token) };
  const total = query.terms.reduce((s, t) => s + t.weight, 0);
  const unknownWeight = unknown.reduce((s, t) => s + t.weight, 0);
  if (!query.terms.some((t) => t.known)) return result;
  // An unknown name ends it, unless the rest of the question matches one passage closely (a name the
  // story spells differently). Factchecks are stricter: see factcheck.ts.
  if (result.unknownNames.length && (strictNames || !best || best.coverage < NAME_OVERRIDE_COVERAGE)) return result;
  if (total > 0 && unknownWeight / total > MAX_UNKNOWN_SHARE) return result;
  if (!best || best.coverage < MIN_COVERAGE) return result;
  // Naming the story's people is not enough: when everything the question says about them ("born",
  // "married") is foreign to the story, the story does not answer it.
  const predicate = predicateTerms(query);
  if (predicate.length && predicate.every((t) => !t.known)) return result;
  return null;
}
