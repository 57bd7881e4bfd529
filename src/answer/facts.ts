import type { AnchoredFact } from '../story/types.ts';
import { ENTITY_PREFIX, termsOf, tokenize } from '../text/terms.ts';
import { predicateTerms, type AnalyzedQuery, type QueryTerm } from './query.ts';
import type { Candidate } from './retrieve.ts';

/** How many of the given question words a fact's quote (or answer) holds, by stem, synonym or alias. */
export function sharedWords(fact: AnchoredFact, terms: QueryTerm[]): number {
  const have = new Set([...tokenize(`${fact.quote.exact} ${fact.answer?.text ?? ''}`).flatMap(termsOf), ...fact.entities.map((id) => ENTITY_PREFIX + id)]);
  return terms.filter((t) => [...t.forms].some((f) => have.has(f))).length;
}

/**
 * Picks the annotated fact that answers the question in a candidate sentence: of the right kind (a "who
 * said" question wants the source), not naming the answer in the question itself, and about what the
 * question asks. A fact's quote is the clause it rests on; when some fact of the sentence holds the
 * question's asked-about words (not just its names), the answer must come from such a fact.
 */
export function pickFact(candidate: Candidate, query: AnalyzedQuery): AnchoredFact | undefined {
  const namesSource = query.entities.some((id) => candidate.facts.some((f) => f.kind === 'source' && f.answer?.ref === id));
  const kinds: string[] = query.kind === 'who' && query.speech && !namesSource ? ['source', 'who'] : [query.kind];
  const about = predicateTerms(query);
  const anyAbout = about.length > 0 && candidate.facts.some((f) => sharedWords(f, about) > 0);
  for (const kind of kinds) {
    const fits = candidate.facts
      .filter((f) => f.kind === kind && f.answer && !(f.answer.ref && query.entities.includes(f.answer.ref)))
      // "How many …" wants a figure: a fact whose answer has none does not answer it.
      .filter((f) => query.expect !== 'number' || /\d|(?<![\w-])(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion)(?![\w-])/i.test(f.answer!.text) || f.time?.precision === 'duration')
      .map((f) => ({ f, about: sharedWords(f, about), all: sharedWords(f, query.terms) }))
      .filter((x) => !anyAbout || x.about > 0);
    // Most asked-about words, then most words, then the most specific (shortest) quote.
    if (fits.length) return fits.sort((a, b) => b.about - a.about || b.all - a.all || a.f.quote.exact.length - b.f.quote.exact.length)[0]!.f;
  }
  return undefined;
}

/** The fact in a sentence a claim is about: the one sharing most of its words (longest quote on a tie). */
export function claimFact(candidate: Candidate, query: AnalyzedQuery): AnchoredFact | undefined {
  return candidate.facts
    .map((f) => ({ f, n: sharedWords(f, query.terms) }))
    .sort((a, b) => b.n - a.n || b.f.quote.exact.length - a.f.quote.exact.length)[0]?.f;
}
