import type { AnchoredFact } from '../story/types.ts';
import type { StoryIndex } from '../search/index.ts';
import { termsOf, tokenize } from '../text/terms.ts';
import { predicateTerms, type AnalyzedQuery, type QueryTerm } from './query.ts';
import { creditIn, type Candidate } from './retrieve.ts';
import { fitsClass, headNounClass, onRoleSide, restatesNamed } from './extract.ts';

/**
 * How many of the given question words a fact's quote (or answer, or annotated entities) holds, each
 * counted by its match credit (1 for the word itself or an alias, less for a typo or a related word).
 */
export function sharedWords(index: StoryIndex, fact: AnchoredFact, terms: QueryTerm[]): number {
  const have = index.factTerms.get(fact.id)!;
  let n = 0;
  for (const t of terms) n += creditIn(have, t);
  return n;
}

/** Whether an answer says more than the question already does ("weapons" does not answer "what … for the weapons"). */
function addsSomething(answer: string, query: AnalyzedQuery, firm: number): boolean {
  const words = tokenize(answer).flatMap((w) => termsOf(w).slice(0, 1));
  if (!words.length) return false;
  const asked = new Set(query.terms.filter((t) => !query.frame.includes(t.token)).flatMap((t) => [...t.forms].filter(([, c]) => c >= firm).map(([f]) => f)));
  // At least half of it must be new: "at the airport in Pyongyang" does not answer "where … after the airport".
  return words.filter((w) => !asked.has(w)).length * 2 > words.length;
}

/** The fact kinds that answer a question: "who said" wants the source; "what … for?" asks what or why. */
function kindsFor(query: AnalyzedQuery, facts: AnchoredFact[]): string[][] {
  const namesSource = query.entities.some((id) => facts.some((f) => f.kind === 'source' && f.answer?.ref === id));
  if (query.kind === 'who' && query.speech && !namesSource) return [['source'], ['who']];
  if (query.kind === 'what' && /\bfor\s*\??$/i.test(query.normalized)) return [['what', 'why']];
  // A "what" question no what-fact answers may be asking for a reason or an assessment ("what does it reflect").
  if (query.kind === 'what') return [['what'], ['why']];
  return [[query.kind]];
}

/**
 * Picks the annotated fact that answers the question among the top candidate sentences: of the right kind,
 * not naming the answer in the question itself, and about what the question asks (a fact's quote is the
 * clause it rests on; when some fact of its sentence holds the question's asked-about words, the answer must
 * come from such a fact, and one that holds the question's verb as well as any fact of the sentence, of any
 * kind, does). Best: most asked-about words, then most words, then the better-ranked
 * sentence, then the most specific (shortest) quote.
 */
export function pickFact(index: StoryIndex, candidates: Candidate[], query: AnalyzedQuery): { fact: AnchoredFact; candidate: Candidate } | undefined {
  const about = predicateTerms(query);
  const verbs = about.filter((t) => index.meaning.isVerbFirst(t.token));
  const headClass = headNounClass(query);
  const namedPerson = query.expect === 'person' && query.namedPerson !== undefined;
  for (const kinds of kindsFor(query, candidates.flatMap((c) => c.facts))) {
    const fits = candidates.flatMap((candidate, rank) => {
      const anyAbout = about.length > 0 && candidate.facts.some((f) => sharedWords(index, f, about) > 0);
      const mostVerb = verbs.length > 0 ? Math.max(0, ...candidate.facts.map((f) => sharedWords(index, f, verbs))) : 0;
      return candidate.facts
        .filter((f) => kinds.includes(f.kind) && f.answer && (!f.drafted || index.options.draftedFactKinds.includes(f.kind)) && !(f.answer.ref && query.entities.includes(f.answer.ref)) && addsSomething(f.answer.text, query, index.options.firmCredit))
        // "How many …" wants a figure: a fact whose answer has none does not answer it.
        .filter((f) => query.expect !== 'number' || /\d|(?<![\w-])(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion)(?![\w-])/i.test(f.answer!.text) || f.time?.precision === 'duration')
        // "What year" wants a calendar time, not a duration ("in nearly 25 years").
        .filter((f) => !(query.head && /^(?:year|date|day|month)$/.test(query.head) && f.time?.precision === 'duration'))
        // "Which party …" is not answered by a person.
        .filter((f) => !(headClass && f.answer!.type && !fitsClass(f.answer!.type, headClass)))
        // "The name of the NATO secretary general" is not "… NATO's Secretary General".
        .filter((f) => !namedPerson || (f.answer!.type === 'person' && !restatesNamed(index, candidate.sentence.index, query, f.answer!.text)))
        // "Who was greeted" is not answered by the greeter: an answer its sentence gives on the other side of the question's verb.
        .filter((f) => !wrongSide(index, candidate, query, f))
        .map((fact) => ({ fact, candidate, rank, about: sharedWords(index, fact, about), all: sharedWords(index, fact, query.terms) }))
        .filter((x) => !anyAbout || x.about > 0)
        // The clause with the question's verb answers: "why did Putin praise NK" is not answered by the why-fact of
        // "commended Kim for …" (a synonym) where a fact of the sentence quotes "praised North Korea for …".
        .filter((x) => sharedWords(index, x.fact, verbs) >= mostVerb);
    });
    fits.sort((a, b) => b.about - a.about || b.all - a.all || a.rank - b.rank || a.fact.quote.exact.length - b.fact.quote.exact.length);
    if (fits[0]) return { fact: fits[0].fact, candidate: fits[0].candidate };
  }
  return undefined;
}

/** Whether the fact's sentence gives its answer where the question's role is not (see onRoleSide). */
function wrongSide(index: StoryIndex, candidate: Candidate, query: AnalyzedQuery, fact: AnchoredFact): boolean {
  const at = candidate.sentence.text.indexOf(fact.answer!.text);
  return at >= 0 && onRoleSide(index, candidate.sentence.index, query, at, at + fact.answer!.text.length) === false;
}

/** The fact in a sentence a claim is about: the one sharing most of its words (longest quote on a tie). */
export function claimFact(index: StoryIndex, candidate: Candidate, query: AnalyzedQuery): AnchoredFact | undefined {
  return candidate.facts
    .map((f) => ({ f, n: sharedWords(index, f, query.terms) }))
    .sort((a, b) => b.n - a.n || b.f.quote.exact.length - a.f.quote.exact.length)[0]?.f;
}
