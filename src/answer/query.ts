import nlp from 'compromise';
import type { StoryIndex } from '../search/index.ts';
import { ENTITY_PREFIX, SYNONYM_PREFIX, editDistance, termsOf, tokenizeWithOffsets, typoAllowance } from '../text/terms.ts';
import type { QuestionKind } from './types.ts';

/** What kind of short answer a question wants. */
export type Expect = 'person' | 'time' | 'place' | 'number' | 'reason' | 'thing';

/** One content word of a question and what it matches in the story. */
export interface QueryTerm {
  token: string;
  /** The story terms it matches: its own terms, synonyms, entity tokens and close spellings. */
  forms: Set<string>;
  /** The forms that are the word itself (stem, close spelling, alias), not a synonym: a full match. */
  exact: Set<string>;
  /** Rarity in the story (inverse sentence frequency); unknown words weigh the most. */
  weight: number;
  /** Whether the story uses this word (or a synonym, alias or close spelling) at all. */
  known: boolean;
  /** A name, place, organisation or number: if the story never uses it, the story does not answer the question. */
  salient: boolean;
  /** What kind of name it is, when the tagger can tell. */
  nameKind?: 'person' | 'place' | 'organisation';
}

/** A question read against one story. */
export interface AnalyzedQuery {
  text: string;
  kind: QuestionKind;
  expect: Expect;
  terms: QueryTerm[];
  /** Entity and source ids the question names. */
  entities: string[];
  /** The question asks who said/reported something. */
  speech: boolean;
  /** The claim or question is negated ("did not", "never"). */
  negated: boolean;
}

/** One modifier word between "what/which" and its noun ("which news agency"), but not a verb ("what did the …"). */
const MOD = '(?:(?!(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could)\\b)\\w+ )?';
const TIME_NOUNS = 'year|date|day|month|time|century|decade|period|era|season|week|hour|age';
const PLACE_NOUNS = 'place|city|town|location|region|state|area|venue|continent|island|river|street|building|stadium|site|capital';
const PERSON_NOUNS = 'person|people|man|woman|men|women|group|organi[sz]ation|company|team|agency|newspaper|country|nation|outlet|leader|official|body|player|artist|author|politician|scientist|president|king|queen|party|band|club';

/** The sentence frequency an unknown common word is weighted as (a middling word). */
const UNKNOWN_WORD_DF = 2;

/** Detects the question kind and the answer type it expects from the question's words. */
export function detectKind(question: string): { kind: QuestionKind; expect: Expect } {
  const q = question.toLowerCase().replace(/^[^a-z0-9]+/, '');
  const lead = '^(?:(?:and|so|but|ok|okay|hey|please|tell me|do you know)\\s*,?\\s+)?(?:in|on|at|during|by|since|until|from|to|of|for)?\\s*';
  const re = (body: string) => new RegExp(lead + body);
  if (re(`(?:what|which) ${MOD}(?:${TIME_NOUNS})s?\\b`).test(q) || re('when\\b').test(q) || /\bhow long ago\b/.test(q)) return { kind: 'when', expect: 'time' };
  if (re('how (?:many|much|long|old|far|big|tall|large|high|often|deep|wide|heavy)\\b').test(q)) return { kind: 'what', expect: 'number' };
  if (/^(?:in|to|from|at|into|within) (?:what|which) (?:country|nation)\b/.test(q)) return { kind: 'where', expect: 'place' };
  if (re('where\\b').test(q) || re(`(?:what|which) ${MOD}(?:${PLACE_NOUNS})\\b`).test(q)) return { kind: 'where', expect: 'place' };
  if (re('(?:who|whom|whose)\\b').test(q) || re(`(?:what|which) ${MOD}(?:${PERSON_NOUNS})\\b`).test(q)) return { kind: 'who', expect: 'person' };
  if (re('(?:why|how come)\\b').test(q) || /^(?:for )?what (?:reason|caused|led to|motivated)\b/.test(q)) return { kind: 'why', expect: 'reason' };
  // A question word later in the sentence ("Putin was greeted by who?").
  const later = /\b(who|whom|when|where|why)\b/.exec(q)?.[1];
  if (later === 'when') return { kind: 'when', expect: 'time' };
  if (later === 'where') return { kind: 'where', expect: 'place' };
  if (later === 'why') return { kind: 'why', expect: 'reason' };
  if (later) return { kind: 'who', expect: 'person' };
  return { kind: 'what', expect: 'thing' };
}

const SPEECH = /\b(said|say|says|saying|report(?:s|ed|ing)?|describ\w*|call(?:s|ed)?|claim\w*|announc\w*|told|tell|according|stated?|wrote|writes?|written|publish\w*|quot\w*|source)\b/i;
const NEGATION = /\b(not|never|no|didn't|doesn't|don't|wasn't|weren't|isn't|aren't|hasn't|haven't|hadn't|won't|neither|nor)\b|n't\b/i;

/** The question's words about what it asks, as opposed to the names in it (people, places, figures). */
export function predicateTerms(query: AnalyzedQuery): QueryTerm[] {
  return query.terms.filter((t) => !t.salient && ![...t.forms].some((f) => f.startsWith(ENTITY_PREFIX)));
}

/** Reads a question against a story: its kind, content words, what of it the story knows. */
export function analyzeQuery(index: StoryIndex, text: string, forceKind?: QuestionKind): AnalyzedQuery {
  const detected = detectKind(text);
  const kind = forceKind ?? detected.kind;
  const expect: Expect = forceKind && forceKind !== detected.kind
    ? ({ who: 'person', when: 'time', where: 'place', why: 'reason', what: 'thing' } as const)[forceKind]
    : detected.expect;
  const n = index.story.sentences.length;
  const idf = (df: number) => Math.log(1 + n / Math.max(df, 0.5));
  const tagged = new Map<string, string[]>();
  for (const t of nlp(text).json() as { terms: { text: string; tags: string[] }[] }[]) {
    for (const term of t.terms) tagged.set(term.text.toLowerCase().replace(/[^\p{L}\p{N}'-]/gu, ''), term.tags);
  }
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const mentions = index.aliases.spans(text);
  for (const { token, start } of tokenizeWithOffsets(text)) {
    const own = termsOf(token);
    if (!own.length) continue;
    const key = own[0]!;
    if (seen.has(key)) continue;
    seen.add(key);
    const forms = new Set(own.filter((t) => !t.startsWith(SYNONYM_PREFIX)));
    // A word inside an alias ("North" of "North Korea") matches the entity wherever the story names it.
    for (const m of mentions) if (m.start <= start && start < m.end) for (const id of m.ids) forms.add(ENTITY_PREFIX + id);
    for (const t of own) {
      if (index.vocabulary.has(t) || t.includes(':')) continue;
      const allowance = typoAllowance(t);
      if (allowance > 0) {
        for (const v of index.stems) if (editDistance(t, v, allowance) <= allowance) forms.add(v);
      } else if (t.length === 4) {
        // A four-letter word may have lost a letter ("Putn"): one insertion, same first letter, nothing else.
        for (const v of index.stems) if (v.length === 5 && v[0] === t[0] && editDistance(t, v, 1) === 1) forms.add(v);
      }
    }
    const exact = new Set(forms);
    for (const t of own) forms.add(t);
    // Rarity of the word itself when the story uses it; else of the commonest form it matches.
    const dfs = [...forms].map((f) => index.vocabulary.get(f) ?? 0);
    const known = dfs.some((df) => df > 0);
    const df = index.vocabulary.get(key) ?? Math.max(0, ...dfs);
    const tags = tagged.get(token.toLowerCase()) ?? [];
    // Names and figures (a year, "2010") are salient; number words ("nine", "fourth") are not.
    const salient = /\d{3,}/.test(token) || tags.some((tag) => ['ProperNoun', 'Person', 'Place', 'Organization'].includes(tag));
    // An unknown verb or adjective is often a paraphrase ("land" for "arrive"): it weighs like a middling
    // word; an unknown noun ("moon") like a rare one; an unknown name the most.
    const noun = tags.includes('Noun') && !tags.includes('Pronoun');
    const weight = known ? idf(df) : salient ? idf(0) : idf(noun ? 1 : UNKNOWN_WORD_DF);
    const nameKind = tags.includes('Place') ? 'place' as const : tags.includes('Person') ? 'person' as const : tags.includes('Organization') ? 'organisation' as const : undefined;
    terms.push({ token, forms, exact, weight, known, salient, ...(nameKind ? { nameKind } : {}) });
  }
  return {
    text,
    kind,
    expect,
    terms,
    entities: index.aliases.find(text),
    speech: SPEECH.test(text),
    negated: NEGATION.test(text),
  };
}
