import { yearOf, type StoryIndex } from '../search/index.ts';
import type { AnchoredFact } from '../story/types.ts';
import { describeAnswer } from '../render/messages.ts';
import { attributionOf, type Attribution } from './attribution.ts';
import { definition } from './define.ts';
import { figuresIn } from '../text/figures.ts';
import { findTimes, mayHoldTime } from '../story/drafting/times.ts';
import { asksIdentity, extractAnswer, fitToHead, questionVerbAt } from './extract.ts';
import { factcheck } from './factcheck.ts';
import { pickFact } from './facts.ts';
import { cleanQuery } from './input.ts';
import { analyzeQuery, inExpression, type AnalyzedQuery } from './query.ts';
import { outOfStory } from './relevance.ts';
import { coverage, creditIn, rankSentences, type Candidate } from './retrieve.ts';
import { listSources } from './sources.ts';
import { splitParts } from './parts.ts';
import { asksWithinList, listCount } from './list-item.ts';
import { functionAntonym } from './function-antonym.ts';
import { substitutedWord } from './substitution.ts';
import { OWN_REPORTING, type Answer, type Command, type QuestionKind, type TimeValue } from './types.ts';

const KIND_OF: Partial<Record<Command, QuestionKind>> = { who: 'who', when: 'when', where: 'where', what: 'what', why: 'why' };

/** The empty answer every command starts from. */
export function blank(index: StoryIndex, command: Command, query: string): Answer {
  return { command, query, story: index.story.slug, found: false, answer: null, passage: null, paragraph: null, source: null, certainty: null, message: '' };
}

function timeOf(fact: AnchoredFact | undefined): TimeValue | undefined {
  const t = fact?.time;
  if (!t) return undefined;
  const b = t.basis as (Record<string, unknown> | undefined);
  const annotator = b ? 'annotator' in b : undefined;
  const basis = b && (typeof b.basis === 'string' ? b.basis : typeof b.note === 'string' ? b.note : 'from the text');
  return { text: t.text, value: t.value, precision: t.precision, basis, annotator };
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
  return a;
}

/** The closest passage, for a "the story doesn't say" answer. */
function notFound(base: Answer, closest: Candidate | undefined, unknownNames: string[], missing?: Answer['missing']): Answer {
  return {
    ...base,
    found: false,
    ...(unknownNames.length ? { unknownNames } : {}),
    ...(missing ? { missing } : {}),
    ...(closest && closest.coverage > 0 ? { closest: { passage: closest.sentence.text, paragraph: closest.sentence.paragraph } } : {}),
  };
}

const QUESTION_NEGATION = /\b(?:not|never|cannot|no longer)\b|n't\b/i;
const PASSAGE_NEGATION = /\b(?:not|never|cannot|no|none|neither|nor|without|fail(?:s|ed)? to)\b|n't\b/i;

/**
 * A question that says the opposite of its best passage is not answered by it: a word whose antonym the
 * passage uses ("manual" where it says "mechanical", "simplicity" for "complexity"), or a negation the
 * passage does not have ("what is not …").
 */
function contradicts(index: StoryIndex, query: AnalyzedQuery, best: Candidate): boolean {
  const terms = index.sentenceTerms[best.sentence.index]!;
  if (index.options.contradictionChecks.includes("negation") && QUESTION_NEGATION.test(query.normalized) && !PASSAGE_NEGATION.test(best.sentence.text)) return true;
  // A word in the place of another word of the passage, the rest copied ("a flexible set of rules" for "a fixed set of rules").
  if (index.options.contradictionChecks.includes('substitution') && substitutedWord(index, query, best)) return true;
  if (!index.options.contradictionChecks.includes("antonym")) return false;
  // The same with a function word on the passage's side, which the term index leaves out ("least" for "most").
  const flip = functionAntonym(query.normalized, best.sentence.text, index.options.meaningSenses);
  if (flip && coverage(index, query, best.sentence, query.terms.filter((x) => x.token.toLowerCase() !== flip.claim)) >= index.options.turnedCoverage) return true;
  // A word the passage does not have whose antonym it uses, in a question that otherwise matches the
  // passage closely: the question turned the passage around ("a limited collection" for "an infinite
  // collection"). A word of a multi-word expression ("last name") is not checked alone.
  return query.terms.some((t) => {
    // Figures differ by value, not by meaning ("two" is no opposite of "first").
    if (t.salient || figuresIn(t.token).length || creditIn(terms, t) > 0) return false;
    if (inExpression(index.meaning, query, t.token)) return false;
    const opposite = index.meaning.antonymsIn(t.token, terms, true);
    if (opposite === null || figuresIn(opposite).length) return false;
    return coverage(index, query, best.sentence, query.terms.filter((x) => x !== t)) >= index.options.turnedCoverage;
  });
}

/** The calendar years a text writes out ("in 2019"), as figures.ts reads them. */
const calendarYears = (text: string): string[] => figuresIn(text).filter((f) => f.unit === 'calendar-year').map((f) => String(f.value));

/**
 * A question set at a time ("on his trip 25 years ago", "in 2010") whose best passage is about another: the
 * years the question's time expressions resolve to (against the publication date) are none of the years
 * the passage gives or its facts are dated to. A "when" question is left alone: its time is the answer.
 */
function otherTime(index: StoryIndex, query: AnalyzedQuery, best: Candidate): boolean {
  if (query.expect === 'time') return false;
  const published = index.story.meta.published?.value;
  const asked = [
    ...calendarYears(query.normalized),
    ...(published && mayHoldTime(query.normalized) ? findTimes(query.normalized, published) : []).map((t) => t.time.value?.slice(0, 4)).filter((y): y is string => !!y),
  ];
  if (!asked.length) return false;
  const facts = index.factsBySentence.get(best.sentence.index) ?? [];
  const given = new Set([...calendarYears(best.sentence.text), ...facts.map(yearOf).filter((y): y is string => y !== undefined)]);
  return given.size > 0 && !asked.some((y) => given.has(y));
}

/** The day of a time expression: a weekday, or a date ("June 24", "24 June", "Dec 19"). */
const DAY_OF = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;

/** "… after the airport", "… before the concert": what the question places its event after or before. */
const SEQUENCE = /\b(after|before)\s+(?:the|his|her|their|its|that|this)?\s*[\p{L}-]+/iu;

/**
 * A question that places its event after (or before) another ("where did they drive after the airport"), whose
 * best passage tells of that other event without the question's verb: the next (or previous) sentence of the
 * paragraph, when it has the question's verb ("Both leaders then traveled … to Putin's accommodation"), among
 * the ranked candidates. Undefined otherwise.
 */
function sequelOf(index: StoryIndex, query: AnalyzedQuery, best: Candidate, ranked: Candidate[]): Candidate | undefined {
  const m = SEQUENCE.exec(query.normalized);
  if (!m || questionVerbAt(index, best.sentence.index, query) !== undefined) return undefined;
  const step = m[1]!.toLowerCase() === 'after' ? 1 : -1;
  const next = index.story.sentences[best.sentence.index + step];
  if (!next || next.paragraph !== best.sentence.paragraph) return undefined;
  const c = ranked.find((x) => x.sentence.index === next.index);
  return c && questionVerbAt(index, next.index, query) !== undefined ? c : undefined;
}

/** Question types whose answer must be of that type. */
const TYPED = new Set(['time', 'number', 'reason', 'place', 'person']);

/** who / when / where / what / why / ask: a short answer of the right type and the passage it comes from. */
function answerQuestion(index: StoryIndex, base: Answer, query: AnalyzedQuery): Answer {
  const ranked = rankSentences(index, query, 8);
  let best = ranked[0];
  const out = outOfStory(index, query, best);
  base.trace = { kind: query.kind, unknownTerms: query.terms.filter((t) => !t.known).map((t) => t.token) };
  if ((query.kind === 'who' || query.kind === 'what') && base.command !== 'why') {
    // A name typed with a typo ("rodong sinmum") still names one entity when every word of it does.
    const entityOfWords = (phrase: string): string | null => {
      const words = new Set(phrase.toLowerCase().split(/\s+/));
      const terms = query.terms.filter((t) => words.has(t.token.toLowerCase()));
      if (!terms.length || terms.length !== [...words].filter((w) => /\p{L}/u.test(w)).length) return null;
      const ids = terms.map((t) => new Set([...t.forms.keys()].filter((f) => f.startsWith('entity:')).map((f) => f.slice(7))));
      const shared = [...ids[0]!].filter((id) => ids.every((set) => set.has(id)));
      return shared.length === 1 ? shared[0]! : null;
    };
    const def = definition(index, query.normalized, entityOfWords);
    if (def) {
      const c = { sentence: def.sentence, coverage: 1, relevance: 1, score: 1, facts: index.factsBySentence.get(def.sentence.index) ?? [] };
      return found(base, c, def.answer, attributionOf(index, def.sentence));
    }
  }
  if (out || !best) return notFound(base, best, out?.unknownNames ?? []);
  if (contradicts(index, query, best)) return notFound(base, best, []);
  if (otherTime(index, query, best)) return notFound(base, best, []);
  if (asksWithinList(index, best.sentence.index, query)) return notFound(base, best, []);
  // The event after (or before) the one the best passage tells of: that passage is only where it is placed.
  const sequel = sequelOf(index, query, best, ranked);
  const reference = sequel ? best : undefined;
  if (sequel) best = sequel;
  const window = [best, ...ranked.filter((c) => c !== best && c !== reference && c.score >= best.score - index.options.factWindow)];
  const picked = pickFact(index, window, query);
  if (picked) {
    // A machine-drafted who-fact names its clause's subject, whatever the question: where the sentence has the
    // question's own verb ("who tripped X" in "A scored after B tripped X"), the answer read against it comes first;
    // so it does for a question who someone described is ("who was the architect" in "A thanked architect B").
    const sentence = picked.candidate.sentence.index;
    const hasVerb = questionVerbAt(index, sentence, query) !== undefined;
    const readAgain = hasVerb || asksIdentity(query);
    // A drafted when-fact gives its clause verb's time: a question without that verb ("when is the holiday" in "the
    // government announced on Monday that Tuesday would be a holiday") is read against its own words instead.
    const reread = picked.fact.drafted && index.options.draftedAnswers === 'verb'
      && ((picked.fact.kind === 'who' && readAgain) || (picked.fact.kind === 'when' && query.expect === 'time' && !hasVerb));
    const own = reread ? extractAnswer(index, sentence, query) : null;
    return found(base, picked.candidate, fitToHead(query, own ?? picked.fact.answer!.text), attributionOf(index, picked.candidate.sentence, picked.fact), picked.fact);
  }
  const attribution = attributionOf(index, best.sentence);
  // "Who said/reported ...": the answer is the source the story cites, unless the question names it already.
  if (query.kind === 'who' && query.speech && attribution.source !== OWN_REPORTING && !attribution.sourceIds.some((id) => query.entities.includes(id))) {
    return found(base, best, attribution.source, attribution);
  }
  // The short answer: from the best passage, or from a near-best one that has an answer of the asked type.
  for (const c of window) {
    const short = extractAnswer(index, c.sentence.index, query);
    if (short) return found(base, c, fitToHead(query, short), c === best ? attribution : attributionOf(index, c.sentence));
  }
  // A "when" the passage's paragraph has already set: news gives the time once ("early Wednesday morning"),
  // then tells what happened that day. The nearest earlier sentence of the paragraph with a time answers.
  if (query.expect === 'time') {
    for (let i = best.sentence.index - 1; i >= 0 && index.story.sentences[i]!.paragraph === best.sentence.paragraph; i--) {
      const earlier = index.story.sentences[i]!;
      if (!index.analyses[i]!.spans.some((x) => x.kind === 'time')) continue;
      const short = extractAnswer(index, i, query);
      if (!short) break;
      // What happened that day: the day of the earlier time ("Wednesday" of "early Wednesday morning", not its
      // hour), resting on the passage that tells what happened, with that passage's own source.
      const day = DAY_OF.exec(short)?.[0];
      if (day) return found(base, best, day, attribution);
      // A time with no day in it ("in the afternoon"): that sentence's time, resting on that sentence.
      const c = { ...best, sentence: earlier, facts: index.factsBySentence.get(i) ?? [] };
      return found(base, c, fitToHead(query, short), attributionOf(index, earlier));
      break;
    }
  }
  // "How many" where the passage gives no figure but lists the things it asks about: the list's length.
  const counted = listCount(index, best.sentence.index, query);
  if (counted !== null) return found(base, best, String(counted), attribution);
  // A question that wants a person, place, time, number or reason is not answered by a passage that has none.
  if (TYPED.has(query.expect)) return notFound(base, best, [], query.expect);
  return found(base, best, null, attribution);
}

const YES_NO_ANSWER = { supported: 'Yes', contradicted: 'No', disputed: 'Not established', not_in_story: null } as const;

/**
 * A yes/no question offering two alternatives ("was Putin welcomed warmly or coldly?", "is the deal confirmed
 * or just suspected?"): each is checked as a claim; the one the story supports is the answer.
 */
function either(index: StoryIndex, base: Answer, query: AnalyzedQuery): Answer | null {
  const m = /^(.*?\b)([\p{L}-]+) or (?:just |only |merely |rather )?([\p{L}-]+)(\s*[?.!]*)$/iu.exec(query.normalized);
  if (!m) return null;
  const [, head = '', a = '', b = ''] = m;
  const checks = [a, b].map((alt) => ({ alt, checked: factcheck(index, base, analyzeQuery(index, `${head}${alt}`)) }));
  const held = checks.filter((c) => c.checked.verdict === 'supported');
  if (held.length !== 1) return null;
  const { alt, checked } = held[0]!;
  const { verdict: _, ...rest } = checked;
  return { ...rest, query: base.query, answer: alt };
}

/** `ask` with a yes/no question ("Did Kim greet Putin?"): checked as a claim, answered yes, no or not established. */
function yesNo(index: StoryIndex, base: Answer, query: AnalyzedQuery): Answer {
  const alternative = either(index, base, query);
  if (alternative) return alternative;
  const checked = factcheck(index, base, query);
  const { verdict, ...rest } = checked;
  const short = verdict ? YES_NO_ANSWER[verdict] : null;
  if (!checked.found || !short) return { ...rest, found: false };
  // The answer says what the story has: the element it gives instead, or how firm it is.
  const detail = verdict === 'disputed' ? (checked.certainty === 'denied' ? 'denied' : 'only believed or alleged, not confirmed')
    : checked.reason?.story ?? null;
  return { ...rest, answer: detail ? `${short}: ${detail}` : short, yesNo: verdict === 'supported' ? 'yes' : verdict === 'contradicted' ? 'no' : 'not_established' };
}

/** `sources` with a query: the source behind the best-matching passage. */
function sourceOf(index: StoryIndex, base: Answer, query: AnalyzedQuery): Answer {
  const ranked = rankSentences(index, query);
  const best = ranked[0];
  const out = outOfStory(index, query, best);
  if (out || !best) return notFound(base, best, out?.unknownNames ?? []);
  const fact = best.facts.find((f) => !f.attribution.includes('article'));
  const attribution = attributionOf(index, best.sentence, fact);
  return found(base, best, attribution.source, attribution, fact);
}

/** Whether a story gives no year at all: none in its text, no publication date. Worked out once per story. */
const undatedStories = new WeakMap<StoryIndex, boolean>();
function undated(index: StoryIndex): boolean {
  let known = undatedStories.get(index);
  if (known === undefined) {
    known = !index.story.meta.published?.value && !index.story.sentences.some((s) => calendarYears(s.text).length > 0);
    undatedStories.set(index, known);
  }
  return known;
}

/**
 * A question's years, set aside where the story gives none: an undated story ("The Panthers defense … led the
 * NFL in interceptions") can neither confirm nor contradict "in 2015", so the year is no name the story lacks.
 * A dated story is another matter: its years say which event it is about. Claims keep their years: a claim
 * is supported only when the story says all of it.
 */
function withoutUncheckableYears(index: StoryIndex, query: AnalyzedQuery): AnalyzedQuery {
  if (!undated(index)) return query;
  const terms = query.terms.filter((t) => calendarYears(t.token).length === 0);
  return terms.length === query.terms.length || !terms.length ? query : { ...query, terms };
}

/** Answers one question (not a two-part one). */
function answerOne(index: StoryIndex, command: Command, base: Answer, text: string): Answer {
  const analyzed = analyzeQuery(index, text, KIND_OF[command]);
  const query = command === 'factcheck' || (command === 'ask' && analyzed.yesNo) ? analyzed : withoutUncheckableYears(index, analyzed);
  if (command === 'sources') return sourceOf(index, base, query);
  if (command === 'factcheck') return factcheck(index, base, query);
  if (command === 'ask' && query.yesNo) return yesNo(index, base, query);
  const a = answerQuestion(index, base, query);
  return otherSideOfNow(index, query, a) ? { ...base, found: false, closest: { passage: a.passage!, paragraph: a.paragraph! } } : a;
}

/** A question about what is still to come ("when will Kim visit Moscow next"). */
const FUTURE_QUESTION = /\b(?:will|won't|shall|going to|gonna|plans? to|planning to)\b/i;
/** A question about what has happened ("when did …", "when was …"). */
const PAST_QUESTION = /^(?:\S+\s+){0,2}?(?:when|what (?:year|day|date|month))\s+(?:did|was|were|had)\b/i;
/** A time the story gives as already past: "last year", "two years ago", "yesterday". */
const PAST_TIME = /\b(?:last|ago|previous|previously|earlier|yesterday|former)\b/i;
/** A time the story gives as still to come: "next month", "tomorrow". */
const FUTURE_TIME = /\b(?:next|upcoming|coming|tomorrow)\b/i;

/**
 * A "when" answered with a time on the other side of the story's publication: a future question ("when will
 * Kim visit Moscow") with a time the story places before it ("last year"), or a past one ("when did …") with a
 * time still to come ("next month"). That is another event than the one asked about.
 */
function otherSideOfNow(index: StoryIndex, query: AnalyzedQuery, a: Answer): boolean {
  if (!a.found || !a.answer || query.expect !== 'time') return false;
  const future = FUTURE_QUESTION.test(query.normalized);
  const past = !future && PAST_QUESTION.test(query.normalized);
  // Only a dated story says where now is: in an undated one, "the next year" is the narrative's next year.
  const published = index.story.meta.published?.value?.slice(0, 4);
  if ((!future && !past) || !published) return false;
  if ((future ? PAST_TIME : FUTURE_TIME).test(a.answer)) return true;
  const years = calendarYears(a.answer);
  return years.length > 0 && years.every((y) => (future ? y < published : y > published));
}

/**
 * Resolves one command about one story into structured data: the answer, its passage, paragraph,
 * attribution and certainty, or why the story does not answer. Pure: plain data in, plain data out, no
 * I/O; never throws for any query string. `message` is left empty: renderers write the words.
 */
export function resolve(index: StoryIndex, command: Command, rawQuery: unknown): Answer {
  const q = cleanQuery(rawQuery);
  const base = blank(index, command, q.text);
  if (q.truncated) base.truncated = true;
  if (command === 'sources' && q.empty) return listSources(index, base);
  if (q.empty) return { ...base, usage: true, ...(command === 'factcheck' ? { verdict: 'not_in_story' as const } : {}) };
  const parts = command === 'ask' ? splitParts(q.text) : [q.text];
  if (parts.length < 2) return answerOne(index, command, base, q.text);
  const answers = parts.map((p) => answerOne(index, 'ask', blank(index, 'ask', p), p));
  const first = answers.find((a) => a.found);
  if (!first) return { ...answers[0]!, command, query: q.text };
  const shorts = answers.filter((a) => a.found && a.answer).map((a) => a.answer!);
  return { ...first, command, query: q.text, answer: shorts.length ? [...new Set(shorts)].join('; ') : first.answer, parts: answers.map(({ message: _, ...a }) => ({ ...a, message: '' })) };
}

/**
 * Answers one command about one story: `resolve`, with the message a person reads written from the
 * data by the message catalogue (src/render/messages.ts).
 */
export function answer(index: StoryIndex, command: Command, rawQuery: unknown): Answer {
  const a = resolve(index, command, rawQuery);
  return { ...a, message: describeAnswer(a, index) };
}
