import type { StoryIndex } from '../search/index.ts';
import type { AnchoredFact } from '../story/types.ts';
import { attributionOf, type Attribution } from './attribution.ts';
import { extractAnswer } from './extract.ts';
import { factcheck } from './factcheck.ts';
import { cleanQuery } from './input.ts';
import { citation, echo, notFoundMessage } from './messages.ts';
import { analyzeQuery, type AnalyzedQuery } from './query.ts';
import { pickFact } from './facts.ts';
import { definition } from './define.ts';
import { outOfStory } from './relevance.ts';
import { rankSentences, type Candidate } from './retrieve.ts';
import { listSources } from './sources.ts';
import { OWN_REPORTING, type Answer, type Command, type QuestionKind, type TimeValue } from './types.ts';


const KIND_OF: Partial<Record<Command, QuestionKind>> = { who: 'who', when: 'when', where: 'where', what: 'what', why: 'why' };

/** The empty answer every command starts from. */
export function blank(index: StoryIndex, command: Command, query: string): Answer {
  return { command, query, story: index.story.slug, found: false, answer: null, passage: null, paragraph: null, source: null, certainty: null, message: '' };
}

function timeOf(fact: AnchoredFact | undefined): TimeValue | undefined {
  const t = fact?.time;
  if (!t) return undefined;
  const basis = t.basis && ('annotator' in t.basis ? t.basis.basis : (t.basis.note ?? 'from the text'));
  return { text: t.text, value: t.value, precision: t.precision, basis, annotator: t.basis ? 'annotator' in t.basis : undefined };
}

function found(base: Answer, candidate: Candidate, short: string | null, attribution: Attribution, fact?: AnchoredFact): Answer {
  const a: Answer = {
    ...base,
    found: true,
    answer: short,
    passage: candidate.sentence.text,
    paragraph: candidate.sentence.paragraph,
    source: attribution.source,
    certainty: attribution.certainty,
    trace: { ...base.trace, factId: fact?.id, coverage: Number(candidate.coverage.toFixed(3)) },
  };
  const time = timeOf(fact);
  if (time) a.time = time;
  const timeNote = time?.value && time.annotator ? ` (${time.value}; date supplied by the annotator, not the article)` : '';
  a.message = `${short ? `${short}${timeNote}\n` : ''}“${a.passage}”\n— ${citation(a)}`;
  return a;
}

/** who / when / where / what / why / ask: a short answer of the right type and the passage it comes from. */
function answerQuestion(index: StoryIndex, base: Answer, query: AnalyzedQuery): Answer {
  const ranked = rankSentences(index, query);
  const best = ranked[0];
  const out = outOfStory(query, best, index.options);
  base.trace = { kind: query.kind, unknownTerms: query.terms.filter((t) => !t.known).map((t) => t.token) };
  if ((query.kind === 'who' || query.kind === 'what') && base.command !== 'why') {
    const def = definition(index, query.text);
    if (def) {
      const c = { sentence: def.sentence, coverage: 1, relevance: 1, score: 1, facts: index.factsBySentence.get(def.sentence.index) ?? [] };
      return found(base, c, def.answer, attributionOf(index, def.sentence));
    }
  }
  if (out || !best) return { ...base, message: notFoundMessage(index, base.command, query.text, out?.unknownNames ?? []) };
  const picked = pickFact(index, ranked.filter((c) => c.score >= best.score - index.options.factWindow), query);
  if (picked) return found(base, picked.candidate, picked.fact.answer!.text, attributionOf(index, picked.candidate.sentence, picked.fact), picked.fact);
  const attribution = attributionOf(index, best.sentence);
  // "Who said/reported ...": the answer is the source the story cites, unless the question names it already.
  if (query.kind === 'who' && query.speech && attribution.source !== OWN_REPORTING && !attribution.sourceIds.some((id) => query.entities.includes(id))) {
    return found(base, best, attribution.source, attribution);
  }
  const short = extractAnswer(index, best.sentence.index, query);
  // In an annotated story, a question that wants a time, a number or a reason is not answered by a passage
  // that has none (its facts say what it states). In a raw story the passage may still hold what
  // extraction missed, so it is shown.
  if (!short && TYPED.has(query.expect) && index.story.meta.annotated) {
    return { ...base, message: `${notFoundMessage(index, base.command, query.text, [])} (¶${best.sentence.paragraph} comes closest, but gives no ${TYPED.get(query.expect)}.)` };
  }
  return found(base, best, short, attribution);
}

/** Question types whose answer must be of that type, and what to call it. */
const TYPED = new Map([['time', 'time'], ['number', 'number'], ['reason', 'reason']]);

const YES_NO = /^(?:did|does|do|is|was|are|were|has|have|had|can|could|will|would)\s+\S/i;
const YES_NO_ANSWER = { supported: 'Yes', contradicted: 'No', disputed: 'Not established', not_in_story: null } as const;

/** `ask` with a yes/no question ("Did Kim greet Putin?"): checked as a claim, answered yes, no or not established. */
function yesNo(index: StoryIndex, base: Answer, query: AnalyzedQuery): Answer {
  const checked = factcheck(index, base, query);
  const { verdict, ...rest } = checked;
  const short = verdict ? YES_NO_ANSWER[verdict] : null;
  if (!checked.found || !short) return { ...rest, message: checked.message.replace(/^Not in the story: it doesn't say/, "The story doesn't say") };
  const why = verdict === 'disputed' ? ' (the story reports it only as belief or allegation, or as denied)' : checked.reason ? ` (${checked.reason})` : '';
  return { ...rest, answer: short, message: `${short}${why}\n“${checked.passage}”\n— ${citation(checked)}` };
}

/** `sources` with a query: the source behind the best-matching passage. */
function sourceOf(index: StoryIndex, base: Answer, query: AnalyzedQuery): Answer {
  const ranked = rankSentences(index, query);
  const best = ranked[0];
  const out = outOfStory(query, best, index.options);
  if (out || !best) return { ...base, message: notFoundMessage(index, 'sources', query.text, out?.unknownNames ?? []) };
  const fact = best.facts.find((f) => !f.attribution.includes('article'));
  const attribution = attributionOf(index, best.sentence, fact);
  const a = found(base, best, attribution.source, attribution, fact);
  const lead = attribution.source === OWN_REPORTING ? 'This rests on the article’s own reporting; it names no other source:' : `The story attributes this to ${attribution.source}:`;
  return { ...a, message: `${lead}\n“${a.passage}”\n— ${citation(a)}` };
}

/**
 * Answers one command about one story. Pure: plain data in, plain data out, no I/O; never throws for
 * any query string.
 */
export function answer(index: StoryIndex, command: Command, rawQuery: unknown): Answer {
  const q = cleanQuery(rawQuery);
  const base = blank(index, command, q.text);
  if (command === 'sources' && q.empty) return listSources(index, base);
  if (q.empty) {
    const kind = KIND_OF[command] ?? (command === 'sources' ? 'source' : undefined);
    const suggested = index.story.facts.find((f) => f.suggest && (!kind || f.kind === kind))?.suggest?.[0] ?? 'What happened?';
    // "/who Who made …" reads badly: drop the question word the command already says.
    const example = suggested.replace(new RegExp(`^${command}\\s+`, 'i'), '');
    const lead = command === 'factcheck' ? 'Give a claim to check, in words' : 'Ask a question about the story, in words';
    return {
      ...base,
      usage: true,
      ...(command === 'factcheck' ? { verdict: 'not_in_story' as const } : {}),
      message: `${lead}: for example “/${command} ${command === 'factcheck' ? (index.story.facts[0]?.quote.exact ?? 'a sentence from the story') : example}”.`,
    };
  }
  const query = analyzeQuery(index, q.text, KIND_OF[command]);
  const result = command === 'sources' ? sourceOf(index, base, query)
    : command === 'factcheck' ? factcheck(index, base, query)
    : command === 'ask' && YES_NO.test(q.text) ? yesNo(index, base, query)
    : answerQuestion(index, base, query);
  if (q.truncated) result.message = `(Your question was long; I read the first ${q.text.length} characters: “${echo(q.text)}”.)\n${result.message}`;
  return result;
}
