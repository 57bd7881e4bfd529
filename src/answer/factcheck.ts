import type { StoryIndex } from '../search/index.ts';
import type { AnchoredFact } from '../story/types.ts';
import { attributionOf, joinNames } from './attribution.ts';
import { citation, notFoundMessage } from './messages.ts';
import type { AnalyzedQuery } from './query.ts';
import { outOfStory } from './relevance.ts';
import { coveredTokens, rankSentences, type Candidate } from './retrieve.ts';
import { claimFact } from './facts.ts';
import type { Answer, Verdict } from './types.ts';

/** A claim must have this share of its weight in one passage for the story to be said to state it. */
export const SUPPORT_COVERAGE = 0.65;
/** A claim pins down one event when this many of its words match the passage (besides the conflicting one). */
export const EVENT_WORDS = 3;

const VERDICT_TEXT: Record<Verdict, string> = {
  supported: '✅ Supported: the story states this.',
  disputed: '⚠️ Disputed: the story reports this only as belief or allegation, or says it was denied.',
  contradicted: '❌ Contradicted: the story says otherwise.',
  not_in_story: '❔ Not in the story.',
};

const WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const MONTH = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
const YEAR = /\b(?:1[0-9]{3}|20[0-9]{2})\b/;
const FIGURE = /\b\d+(?:[.,]\d+)?\b/;

/** Time words and figures of a claim (years, weekdays, months, numbers) that its best passage does not have. */
function missingTimes(query: AnalyzedQuery, passage: string, index: StoryIndex, best: Candidate): string[] {
    const out: string[] = [];
  for (const re of [YEAR, WEEKDAY, MONTH, FIGURE]) {
    const m = re.exec(query.text);
    if (m && !new RegExp(`(?<![\\p{L}\\p{N}])${m[0].replace(/[.]/g, '\\.')}(?![\\p{L}\\p{N}])`, 'iu').test(passage) && !index.sentenceTerms[best.sentence.index]!.has(m[0]) && !out.includes(m[0])) out.push(m[0]);
  }
  return out;
}

/**
 * A claim conflicts with a passage when it pins down the same event (EVENT_WORDS of its words match) but
 * names another source, time, place or person: a time the passage gives differently; a name the story never uses
 * where the passage's fact has a place or person; or a story entity that is not the one the fact names.
 */
function conflict(index: StoryIndex, query: AnalyzedQuery, best: Candidate, fact: AnchoredFact | undefined): string | null {
  const matched = coveredTokens(index, query, best.sentence).length;
  // Another source: the claim credits someone the story does not credit for this (two words of it suffice).
  if (fact && !fact.attribution.includes('article') && matched >= 2) {
    const named = index.aliases.find(best.sentence.text);
    const other = query.entities.map((id) => index.story.sources.find((s) => s.id === id)).find((s) => s && !fact.attribution.includes(s.id) && !named.includes(s.id));
    if (other) return `the story attributes this to ${joinNames(fact.attribution.map((id) => index.story.sources.find((s) => s.id === id)?.name ?? id))}, not ${other.name}`;
  }
  if (matched < EVENT_WORDS) return null;
  const slots = best.facts.filter((f): f is AnchoredFact & { answer: NonNullable<AnchoredFact['answer']> } => f.answer !== null && ['when', 'where', 'who'].includes(f.kind));
  const times = missingTimes(query, best.sentence.text, index, best);
  if (times.length) {
    const when = slots.find((f) => f.kind === 'when');
    const printed = when?.answer.text ?? (YEAR.exec(best.sentence.text) ?? WEEKDAY.exec(best.sentence.text) ?? MONTH.exec(best.sentence.text) ?? FIGURE.exec(best.sentence.text))?.[0];
    if (printed) return `the story gives ${printed}, not ${times[0]}`;
  }
  for (const t of query.terms.filter((t) => !t.known && t.salient && !/\d/.test(t.token))) {
    const wanted = ['who', 'where'];
    const slot = slots.find((f) => wanted.includes(f.kind));
    if (slot) return `the story gives ${slot.answer.text}, not ${t.token}`;
  }
  for (const f of slots) {
    const ref = f.answer.ref;
    if (!ref || query.entities.includes(ref)) continue;
    const type = index.story.entities.find((e) => e.id === ref)?.type;
    const other = query.entities.find((id) => id !== ref && index.story.entities.find((e) => e.id === id)?.type === type && !index.aliases.find(best.sentence.text).includes(id));
    if (other) return `the story names ${f.answer.text} here`;
  }
  return null;
}

const DENIAL = /\b(den(?:y|ied|ies|ying)|rejected|dismissed|refuted)\b/i;
const HEDGE = /\b(believed|alleged(?:ly)?|reportedly|suspected|thought to|said to|rumou?red)\b/i;

/**
 * factcheck: a verdict on a claim, with the evidence passage. The claim's fact (the one in the best
 * passage sharing most of its words) sets how firm the story is: a claim the story reports only as belief
 * or allegation, or as denied, is disputed, unless the claim itself says as much ("X denied Y").
 */
export function factcheck(index: StoryIndex, base: Answer, query: AnalyzedQuery): Answer {
  const ranked = rankSentences(index, query);
  const best = ranked[0];
  const fact = best && claimFact(index, best, query);
  const withVerdict = (verdict: Verdict, extra = ''): Answer => {
    const attribution = attributionOf(index, best!.sentence, fact);
    const a: Answer = {
      ...base,
      found: true,
      verdict,
      ...(extra ? { reason: extra } : {}),
      answer: verdict,
      passage: best!.sentence.text,
      paragraph: best!.sentence.paragraph,
      source: attribution.source,
      certainty: attribution.certainty,
      trace: { coverage: Number(best!.coverage.toFixed(3)), factId: fact?.id },
    };
    a.message = `${VERDICT_TEXT[verdict]}${extra ? ` (${extra})` : ''}\nClaim: “${query.text}”\nEvidence: “${a.passage}”\n— ${citation(a)}`;
    return a;
  };
  if (best) {
    const clash = conflict(index, query, best, fact);
    if (clash) return withVerdict('contradicted', clash);
  }
  const out = outOfStory(query, best, index.options, true);
  if (out || !best || best.coverage < SUPPORT_COVERAGE) {
    return { ...base, verdict: 'not_in_story', message: notFoundMessage(index, 'factcheck', query.text, out?.unknownNames ?? []) };
  }
  const { certainty } = attributionOf(index, best.sentence, fact);
  if (certainty === 'denied') return DENIAL.test(query.text) ? withVerdict('supported') : withVerdict('disputed');
  if (certainty === 'alleged') return HEDGE.test(query.text) ? withVerdict('supported') : withVerdict('disputed');
  if (query.negated) return withVerdict('contradicted', 'the claim denies what the story states');
  if (DENIAL.test(query.text)) return { ...base, verdict: 'not_in_story', message: notFoundMessage(index, 'factcheck', query.text, []) };
  return withVerdict('supported');
}
