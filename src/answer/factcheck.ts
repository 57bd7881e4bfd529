import type { StoryIndex } from '../search/index.ts';
import type { AnchoredFact } from '../story/types.ts';
import { attributionOf } from './attribution.ts';
import { citation, notFoundMessage } from './messages.ts';
import type { AnalyzedQuery } from './query.ts';
import { outOfStory } from './relevance.ts';
import { coveredTokens, rankSentences, type Candidate } from './retrieve.ts';
import type { Answer, Verdict } from './types.ts';

/** A claim must have this share of its weight in one passage for the story to be said to state it. */
export const SUPPORT_COVERAGE = 0.75;
/** A claim pins down one event when this many of its words match the passage (besides the conflicting one). */
export const EVENT_WORDS = 3;

const VERDICT_TEXT: Record<Verdict, string> = {
  supported: '✅ Supported: the story states this.',
  disputed: '⚠️ Disputed: the story reports this only as belief or allegation, or says it was denied.',
  contradicted: '❌ Contradicted: the story says otherwise.',
  not_in_story: '❔ Not in the story.',
};

/**
 * A claim conflicts with a passage when it pins down the same event (EVENT_WORDS of its words match) but
 * names another time, place or person: a number or name the story never uses where the passage has an
 * annotated time, place or person; or a story entity that is not the one the passage's fact names.
 */
function conflict(index: StoryIndex, query: AnalyzedQuery, best: Candidate): string | null {
  const unknownNames = query.terms.filter((t) => !t.known && t.salient);
  const matched = coveredTokens(index, query, best.sentence).length;
  if (matched < EVENT_WORDS) return null;
  const slots = best.facts.filter((f): f is AnchoredFact & { answer: NonNullable<AnchoredFact['answer']> } => f.answer !== null && ['when', 'where', 'who'].includes(f.kind));
  for (const t of unknownNames) {
    const isTime = /\d/.test(t.token);
    const slot = slots.find((f) => (isTime ? f.kind === 'when' : f.kind !== 'when'));
    if (slot) return `the story gives ${slot.answer.text}, not ${t.token}`;
    if (isTime && /\b(1[0-9]{3}|20[0-9]{2})\b/.test(best.sentence.text) && !best.sentence.text.includes(t.token)) return `the story gives another year, not ${t.token}`;
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

/** factcheck: a verdict on a claim, with the evidence passage. */
export function factcheck(index: StoryIndex, base: Answer, query: AnalyzedQuery): Answer {
  const ranked = rankSentences(index, query);
  const best = ranked[0];
  const withVerdict = (verdict: Verdict, extra = ''): Answer => {
    const fact = best?.facts.slice().sort((a, b) => b.quote.exact.length - a.quote.exact.length).find((f) => f.certainty === 'alleged' || f.certainty === 'denied') ?? undefined;
    const attribution = attributionOf(index, best!.sentence, verdict === 'disputed' ? fact : undefined);
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
      trace: { coverage: Number(best!.coverage.toFixed(3)) },
    };
    a.message = `${VERDICT_TEXT[verdict]}${extra ? ` (${extra})` : ''}\nClaim: “${query.text}”\nEvidence: “${a.passage}”\n— ${citation(a)}`;
    return a;
  };
  if (best) {
    const clash = conflict(index, query, best);
    if (clash) return withVerdict('contradicted', clash);
  }
  const out = outOfStory(index, query, best, true);
  if (out || !best || best.coverage < SUPPORT_COVERAGE) {
    return { ...base, verdict: 'not_in_story', message: notFoundMessage(index, 'factcheck', query.text, out?.unknownNames ?? []) };
  }
  const { certainty } = attributionOf(index, best.sentence);
  if (certainty === 'alleged' || certainty === 'denied') return withVerdict('disputed');
  if (query.negated) return withVerdict('contradicted', 'the claim denies what the story states');
  return withVerdict('supported');
}
