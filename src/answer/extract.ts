import { lexicon } from '../lexicon/index.ts';
import { Memo } from '../memo.ts';
import type { StoryIndex } from '../search/index.ts';
import type { Span, SpanKind } from '../text/analyze.ts';
import { ENTITY_PREFIX, termsOf, tokenize } from '../text/terms.ts';
import type { AnalyzedQuery, Expect, QueryTerm } from './query.ts';
import { predicateTerms } from './query.ts';
import { creditIn } from './retrieve.ts';

/** How well each kind of span fits each kind of answer wanted (0: not at all). */
const FIT: Record<Expect, Partial<Record<SpanKind, number>>> = {
  person: { person: 3, organisation: 2.6, name: 2.2, place: 1.2, noun: 0.8 },
  time: { time: 3 },
  place: { place: 3, name: 2, organisation: 1.2, noun: 1 },
  number: { number: 3, time: 1 },
  reason: { reason: 3 },
  thing: { quote: 2.2, noun: 1.6, name: 1.3, organisation: 1.2, person: 1, place: 1, number: 0.9, time: 0.6 },
};

/** A span of the sentence scored as the answer. */
interface Scored {
  span: Span;
  score: number;
}

/** Whether a noun phrase's head is, in its first WordNet sense, a person or a group ("the goalkeeper", "the union"). */
function namesPerson(phrase: string): boolean {
  const head = phrase.split(/\s+/).at(-1)?.toLowerCase().replace(/[^\p{L}-]/gu, '') ?? '';
  return personMemo.get(head, () => {
    const lemma = lexicon.lemmas(head).find((l) => l.pos === 'n')?.lemma;
    const sense = lemma ? lexicon.senses(lemma, 'n')[0] : undefined;
    return !!sense && (sense.lexFile === 'noun.person' || sense.lexFile === 'noun.group');
  });
}

const kindMemo = new Memo<boolean>(10_000);

/** Whether words name, as WordNet has them, a kind or an instance of a noun ("Pyongyang" of "city", "missiles" of "weapon"): the whole phrase, else its last word. */
function namesKindOf(words: readonly string[], noun: string): boolean {
  if (!words.length) return false;
  const phrase = words.join(' ').toLowerCase();
  return kindMemo.get(`${phrase}|${noun}`, () => {
    const last = words.at(-1)!.toLowerCase();
    return [phrase, last].some((p) => lexicon.lemmas(p).some((l) => l.pos === 'n' && l.lemma !== noun && lexicon.isA(l.lemma, noun, 'n')));
  });
}

/** namesPerson by head word, remembered (WordNet's answer never changes). */
const personMemo = new Memo<boolean>(10_000);

/** Word positions in the sentence that hold one of the given question terms. */
function positions(index: StoryIndex, sentence: number, terms: QueryTerm[], entities = true, minCredit = 0): number[] {
  const words = index.wordTerms[sentence]!;
  const forms = new Set(terms.flatMap((t) => [...t.forms].filter(([f, c]) => c >= minCredit && (entities || !f.startsWith(ENTITY_PREFIX))).map(([f]) => f)));
  const out: number[] = [];
  words.forEach((ts, i) => { if (ts.some((t) => forms.has(t))) out.push(i); });
  return out;
}

/** A sentence's clause marks before each word, and how many words each counts for (EngineOptions.clauseWords). */
interface ClauseMarks {
  before: readonly number[];
  words: number;
}

/** Words between a span (first..last word) and a position, each clause mark between them counting as more words; 0 inside it. */
const gapTo = (p: number, first: number, last: number, marks?: ClauseMarks) => {
  const words = p < first ? first - p : p > last ? p - last : 0;
  if (!marks || !words) return words;
  return words + marks.words * Math.abs(marks.before[p]! - marks.before[p < first ? first : last]!);
};

/** Distance penalty from the nearest matched word (0..2; 1 when none). */
function nearest(at: number[], first: number, last: number, marks?: ClauseMarks): number {
  let gap = Infinity;
  for (const p of at) gap = Math.min(gap, gapTo(p, first, last, marks));
  return Number.isFinite(gap) ? Math.min(gap / 8, 2) : 1;
}

/** For each word of a sentence, how many clause marks (a comma, semicolon, colon, dash or bracket) stand before it. */
function clauseMarks(index: StoryIndex, sentenceIndex: number): ClauseMarks | undefined {
  if (!index.options.clauseWords) return undefined;
  const words = index.analyses[sentenceIndex]!.words;
  const text = index.story.sentences[sentenceIndex]!.text;
  const out: number[] = [];
  let n = 0;
  words.forEach((w, i) => {
    if (i > 0) n += (text.slice(words[i - 1]!.end, w.start).match(/[,;:()\u2014\u2013]/g) ?? []).length;
    out.push(n);
  });
  return { before: out, words: index.options.clauseWords };
}

/**
 * Distance penalty from every question word the sentence holds (0..2; 1 when none): each word's nearest
 * occurrence, weighted as the question weighs it, so the answer sits where the question's words cluster.
 */
function spread(termAt: { weight: number; at: number[] }[], first: number, last: number, marks?: ClauseMarks): number {
  let total = 0;
  let sum = 0;
  for (const { weight, at } of termAt) {
    total += weight;
    sum += weight * nearest(at, first, last, marks);
  }
  return total > 0 ? sum / total : 1;
}

/**
 * Where the sentence has the question's own verb: a passage verb matching a question word whose likeliest
 * reading is a verb ("recovered" in "who recovered the strip ball", not "strip"); undefined when it has none.
 */
export function questionVerbAt(index: StoryIndex, sentenceIndex: number, query: AnalyzedQuery): number | undefined {
  const words = index.analyses[sentenceIndex]!.words;
  for (const t of predicateTerms(query)) {
    if (index.meaning.isNounFirst(t.token)) continue;
    // Its own verb, firmly matched: not a loose relative ("end" for "decided").
    const at = positions(index, sentenceIndex, [t], true, index.options.firmCredit).find((i) => words[i]!.tags.includes('Verb'));
    if (at !== undefined) return at;
  }
  return undefined;
}

/**
 * Whether a piece of the sentence (character offsets) stands on the side of the question's own verb that the
 * question's role asks for: before it for "who greeted X" (after it in a passive: "X was greeted by ___"),
 * after it for "who did X greet", before it for "who was greeted". Undefined when the sentence has no verb of
 * the question's, or the question asks no role.
 */
export function onRoleSide(index: StoryIndex, sentenceIndex: number, query: AnalyzedQuery, start: number, end: number): boolean | undefined {
  if (query.role === 'none') return undefined;
  const verb = questionVerbAt(index, sentenceIndex, query);
  if (verb === undefined) return undefined;
  const w = index.analyses[sentenceIndex]!.words[verb]!;
  const passive = /^\s*by\b/i.test(index.story.sentences[sentenceIndex]!.text.slice(w.end));
  const wantBefore = (query.role === 'subject') !== passive;
  return wantBefore ? end <= w.start : start >= w.end;
}

/**
 * Where the sentence has the question's verb as a noun of it ("invasion" for "who invaded"), with no verb
 * of it: the event named, its agent before it as a possessive ("Russia's 2022 invasion"), its object after
 * "of" ("invasion of Ukraine"). Undefined when it has no such noun.
 */
function questionNounAt(index: StoryIndex, sentenceIndex: number, query: AnalyzedQuery): number | undefined {
  const words = index.analyses[sentenceIndex]!.words;
  for (const t of predicateTerms(query)) {
    if (t.salient || !index.meaning.isVerbFirst(t.token)) continue;
    const at = positions(index, sentenceIndex, [t], false).find((i) => words[i]!.tags.includes('Noun') && !words[i]!.tags.includes('Verb'));
    if (at !== undefined) return at;
  }
  return undefined;
}

/** Whether sentence word `i` is the question word `word`: the same word, the same stem, or a firm match of its term. */
export function sameWord(index: StoryIndex, sentenceIndex: number, query: AnalyzedQuery, word: string, i: number): boolean {
  const w = index.analyses[sentenceIndex]!.words[i];
  if (!w) return false;
  if (w.text.toLowerCase() === word) return true;
  const ts = index.wordTerms[sentenceIndex]![i]!;
  const own = termsOf(word);
  if (own.some((t) => ts.includes(t))) return true;
  const term = own.length ? query.terms.find((q) => q.token.toLowerCase() === word) : undefined;
  return !!term && ts.some((x) => (term.forms.get(x) ?? 0) >= index.options.firmCredit);
}

/**
 * Where the question's gap falls in the sentence: the word positions just after the question's words before
 * the gap (`ends`) and just before its words after the gap (`starts`). A side whose nearest word is a
 * function word ("with", "of") must be matched with its neighbour, so that any "of" is not the gap. The copulas
 * before the asked-for noun (`copulaOfHead`, worked out once by the caller) are starts too.
 */
function gapPositions(index: StoryIndex, sentenceIndex: number, query: AnalyzedQuery, copulas: readonly number[]): { ends: number[]; starts: number[] } {
  const gap = query.gap;
  const n = index.analyses[sentenceIndex]!.words.length;
  const out = { ends: [] as number[], starts: [] as number[] };
  if (index.options.gapCredit === 0) return out;
  out.starts.push(...copulas);
  if (!gap) return out;
  const is = (word: string, i: number) => sameWord(index, sentenceIndex, query, word, i);
  const near = (word: string, i: number, step: 1 | -1) => is(word, i + step) || is(word, i + 2 * step);
  const last = gap.before.at(-1);
  if (last) {
    const other = gap.before.length > 1 ? gap.before[0]! : undefined;
    for (let i = 0; i < n; i++) if (is(last, i) && (termsOf(last).length || !other || near(other, i, -1))) out.ends.push(i);
  }
  const first = gap.after[0];
  if (first) {
    const other = gap.after[1];
    for (let i = 0; i < n; i++) if (is(first, i) && (termsOf(first).length || !other || near(other, i, 1))) out.starts.push(i);
  }
  return out;
}

/** "What branch … ?" where the passage says "X is a branch …": where its copulas stand before the asked-for noun, X just before them. */
function copulaOfHead(index: StoryIndex, sentenceIndex: number, query: AnalyzedQuery): number[] {
  const head = query.head;
  if (!head || !/^\s*(?:\S+\s+)?(?:what|which)\s+/i.test(query.normalized)) return [];
  const words = index.analyses[sentenceIndex]!.words;
  const terms = index.wordTerms[sentenceIndex]!;
  const out: number[] = [];
  const sentence = index.story.sentences[sentenceIndex]!.text;
  for (let i = 0; i < words.length; i++) {
    // An apposition stands for the copula: "X, a branch of …".
    const apposition = i > 0 && /^(?:a|an|the)$/i.test(words[i]!.text) && /^\s*,\s*$/.test(sentence.slice(words[i - 1]!.end, words[i]!.start));
    if (!apposition && !/^(?:is|are|was|were)$/i.test(words[i]!.text)) continue;
    for (let j = i + 1; j < Math.min(words.length, i + 5); j++) if (terms[j]!.includes(head)) { out.push(i); break; }
  }
  return out;
}

/** The kind of candidate a story entity's mention is, by the entity's type. */
const ENTITY_KIND: Partial<Record<string, SpanKind>> = { person: 'person', organisation: 'organisation', group: 'organisation', place: 'place' };

/**
 * The story's own names in a sentence as candidates, where the sentence analysis has no span of their kind
 * holding them: the story's entity list knows "William Tyndale" is a person where the parser tagged only
 * "William". Listed before the parser's, so that on a tie the whole name wins.
 */
function entitySpans(index: StoryIndex, sentence: string, mentions: ReturnType<StoryIndex['aliases']['spans']>, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const m of mentions) {
    const kind = m.ids.map((id) => ENTITY_KIND[index.story.entities.find((e) => e.id === id)?.type ?? '']).find((k) => k !== undefined);
    // Not where the parser has the name already, or a longer one holding it ("Gaga" of "Lady Gaga").
    if (!kind || spans.some((x) => x.kind === kind && x.start <= m.start && m.end <= x.end)) continue;
    out.push({ start: m.start, end: m.end, text: sentence.slice(m.start, m.end), kind });
  }
  return out;
}

/**
 * Extracts a short answer of the expected type from a sentence. Candidates are the sentence's typed spans
 * (computed once per story: people, organisations, places, times, figures, names, noun phrases, quotes,
 * reasons). A candidate must add words the question does not already have; the best fits the type, sits
 * nearest the words the question asks about, and stands where the question's missing role is: before the
 * matched verb for "who greeted X", after it for "who did X greet".
 */
export function extractAnswer(index: StoryIndex, sentenceIndex: number, query: AnalyzedQuery): string | null {
  if (WHAT_LIKE.test(query.normalized)) {
    const described = describingWord(index, sentenceIndex, query);
    if (described) return described;
  }
  const analysis = index.analyses[sentenceIndex]!;
  const { words, spans } = analysis;
  const fit = FIT[query.expect];
  const sentence = index.story.sentences[sentenceIndex]!.text;
  const predicate = positions(index, sentenceIndex, predicateTerms(query));
  const anyMatch = predicate.length ? predicate : positions(index, sentenceIndex, query.terms);
  const matched = new Set(positions(index, sentenceIndex, query.terms));
  // A figure repeats the question only by its own words: a name it is part of ("Six-time Grammy") does not count.
  const matchedOwn = new Set(positions(index, sentenceIndex, query.terms, false));
  // The verb the question's role is read against: a passage verb matching a question word whose likeliest
  // reading is a verb ("recovered" in "who recovered the strip ball", not "strip"), else the first one.
  const ownVerb = questionVerbAt(index, sentenceIndex, query);
  const verb = ownVerb ?? predicate.find((i) => words[i]!.tags.includes('Verb'));
  const passive = verb !== undefined && /^\s*by\b/i.test(sentence.slice(words[verb]!.end));
  // With no verb of the question's own, its verb as a noun: the role is read against that.
  const nounAt = ownVerb === undefined && query.role !== 'none' ? questionNounAt(index, sentenceIndex, query) : undefined;
  const noun = nounAt === undefined ? undefined : words[nounAt]!;
  const head = query.head;
  // The story's named sources in this sentence: a question not about who said it is hardly answered by them.
  const credited = new Set((index.factsBySentence.get(sentenceIndex) ?? []).flatMap((f) => f.attribution).filter((id) => id !== 'article'));
  const mentions = index.aliases.spans(sentence);
  const sourceSpans = query.speech ? [] : mentions.filter((m) => m.ids.some((id) => credited.has(id)));
  // "How many X": the figure must count X (stand just before it), not be any figure in the sentence.
  const headTerm = head ? query.terms.find((t) => termsOf(t.token)[0] === head && t.known) : undefined;
  const countsHead = query.expect === 'number' && headTerm && /\bhow many\b/i.test(query.normalized);
  // "What year/date": a calendar time, not a duration.
  const calendar = query.expect === 'time' && head !== undefined && /^(?:year|date|day|month)$/.test(head);
  const whenFirst = query.expect === 'time' && WHEN_FIRST.test(query.normalized);
  const identity = asksIdentity(query);
  // The asked-for noun as WordNet has it ("city"), so that a candidate WordNet knows as one ("Pyongyang") fits it.
  const headLemma = headNounLemma(query);
  const headClass = headNounClass(query, headLemma);
  const namedPerson = query.expect === 'person' && query.namedPerson !== undefined;
  const moneyAsked = query.expect === 'number' && headClass === 'noun.possession' && spans.some((x) => x.kind === 'number' && MONEY.test(x.text));
  // Where each question word the sentence holds stands, with its weight.
  const marks = clauseMarks(index, sentenceIndex);
  const termAt = query.terms.map((t) => ({ weight: t.weight, at: positions(index, sentenceIndex, [t]) })).filter((t) => t.at.length > 0);
  // Where the question's gap falls: a candidate standing right there is the missing piece.
  const copulas = copulaOfHead(index, sentenceIndex, query);
  const gap = gapPositions(index, sentenceIndex, query, copulas);
  const reach = index.options.gapReach;
  let best: Scored | null = null;
  const candidates = [...entitySpans(index, sentence, mentions, spans), ...spans];
  // The terms of the words a figure may count: after it, or its own last word ("eight goals"), or before it ("a crowd of 88,966").
  const countsOf = (span: { start: number; end: number }) => words.map((w, i) => ({ w, i })).filter(({ w }) => (w.start >= span.start - 20 && w.end <= span.end + 30)).map(({ i }) => index.wordTerms[sentenceIndex]![i]!);
  const headCounted = !!countsHead && candidates.some((c) => c.kind === 'number' && countsOf(c).some((ts) => ts.some((t) => headTerm.forms.has(t))));
  for (const span of candidates) {
    const f = fit[span.kind];
    if (!f || span.text.length > 160) continue;
    // A source the sentence credits answers only "who", never as the object of the question's own verb
    // there, nor in a passive, nor cited only ("…, according to the Works Department"), and then with a
    // penalty: it may be who acted ("…," Messi told reporters after collecting the Golden Ball), but is
    // mostly only who said it.
    const isSource = sourceSpans.some((m) => m.start < span.end && span.start < m.end);
    const citedOnly = /\baccording to\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, span.start - 20), span.start));
    if (isSource && (query.expect !== 'person' || passive || citedOnly || (ownVerb !== undefined && words[ownVerb]!.start < span.end))) continue;
    // A common noun answers "who" only when it names a person or group ("the goalkeeper"), and "where" only
    // where it stands after a preposition of place ("at the north gate"): "the itinerary included …" is no place.
    if (span.kind === 'noun' && query.expect === 'person' && !namesPerson(span.text)) continue;
    if (span.kind === 'noun' && query.expect === 'place' && !afterPlacePreposition(sentence, span.start)) continue;
    // A head noun WordNet files as a group ("which party") is no person, even one the parser typed as a name.
    if (headClass && !fitsClass(typedAs(spans, span), headClass)) continue;
    // "The name of the secretary general" is a person's name, not any name the sentence has.
    if (namedPerson && (!['person', 'name'].includes(typedAs(spans, span)) || restatesNamed(index, sentenceIndex, query, span.text))) continue;
    // Nor is a name WordNet knows only as something else ("World Cup" an event, "AI" a field).
    if (query.expect === 'place' && (span.kind === 'name' || span.kind === 'organisation') && !mayBePlace(span.text)) continue;
    // A name that is a person's is not a place.
    if (query.expect === 'place' && span.kind === 'name' && spans.some((o) => o.kind === 'person' && o.start <= span.start && span.end <= o.end)) continue;
    // A clause that sets a time ("when the immune system is less active") answers only a question that opens with
    // "when" (a later "when", "what case is represented when …", opens a clause of its own), and never "what year".
    if (span.kind === 'time' && WHEN_LEAD.test(span.text) && (!whenFirst || calendar)) continue;
    if (calendar && /\b(?:years?|months?|weeks?|days?|decades?)\b/i.test(span.text) && !/\d{4}/.test(span.text) && !/\b(?:last|next|this|previous)\b/i.test(span.text)) continue;
    // "How old": an age, as English gives one: "Messi, 35,", "35 years old", "a 35-year-old", "aged 35", "at age 39".
    if (query.measure?.toLowerCase() === 'old' && !(span.kind === 'number' && isAge(sentence, span))) continue;
    // An amount of a possession ("how much net income") is money where the sentence gives some, not a percentage.
    if (moneyAsked && span.kind === 'number' && !MONEY.test(span.text)) continue;
    // A measure ("how quick", "how far") is no ordinal: "the 80th minute" says when, not how quick.
    if (query.measure && (/^(?:the\s+)?(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|last|final)\b/i.test(span.text) || /^(?:st|nd|rd|th)\b/i.test(sentence.slice(span.end)))) continue;
    if (countsHead && span.kind === 'number' && !countsOf(span).some((ts) => ts.some((t) => headTerm.forms.has(t)))) {
      // No figure counts the asked-for noun itself ("how many players were selected" where the story has "four Pro
      // Bowl selections"): one counting another of the question's words answers.
      if (headCounted || !query.terms.some((x) => x !== headTerm && x.known && !x.salient && countsOf(span).some((ts) => ts.some((t) => (x.forms.get(t) ?? 0) >= index.options.firmCredit)))) continue;
    }
    // Words of the span, and how many of them the question already has.
    // (A possessive's name is in it: "Russia" of "Russia's".)
    const inside = words.map((w, i) => ({ w, i })).filter(({ w }) => w.start >= span.start && (w.end <= span.end || (w.start < span.end && /^['’]s?$/.test(sentence.slice(span.end, w.end)))));
    const content = inside.filter(({ w }) => termsOf(w.text).length > 0);
    if (!content.length && span.kind !== 'number' && span.kind !== 'time') continue;
    const asked = span.kind === 'number' || identity ? matchedOwn : matched;
    const repeated = content.filter(({ i, w }) => asked.has(i) && !(head && termsOf(w.text).includes(head))).length;
    const overlap = content.length ? repeated / content.length : 0;
    if (overlap >= 1) continue;
    // The asked-for noun alone ("award" for "what award") names nothing.
    if (head && span.kind !== 'time' && span.kind !== 'number' && content.length && content.every(({ w }) => termsOf(w.text).includes(head))) continue;
    const first = inside[0]?.i ?? 0;
    const last = inside.at(-1)?.i ?? first;
    const distance = index.options.proximity === 'every' ? spread(termAt, first, last, marks) : nearest(anyMatch, first, last, marks);
    let score = f - 1.5 * overlap - distance - (isSource ? index.options.sourceAnswerPenalty : 0);
    if (head && (content.some(({ w }) => termsOf(w.text).includes(head)) || copulas.some((c) => c > last && c - last - 1 <= reach) || (headLemma !== undefined && namesKindOf(content.map(({ w }) => w.text), headLemma)))) score += 0.6;
    if (gap.ends.some((e) => first > e && first - e - 1 <= reach) || gap.starts.some((s) => s > last && s - last - 1 <= reach)) score += index.options.gapCredit;
    if (noun !== undefined) {
      // The agent: a possessive a few words before the noun ("Russia's 2022 invasion"); the object: after its "of".
      const agent = span.end <= noun.start && words.filter((w) => w.start >= span.end && w.end <= noun.start).length <= 2 && /^['’]s?(?!\p{L})/u.test(sentence.slice(span.end, span.end + 2));
      const object = span.start >= noun.end && /^\s*of\s+(?:the\s+)?$/i.test(sentence.slice(noun.end, span.start));
      if (query.role === 'subject' ? agent : object) score += 0.8;
    } else if (verb !== undefined && query.role !== 'none') {
      const before = last < verb;
      const wantBefore = (query.role === 'subject') !== passive;
      if (before === wantBefore) score += 0.8;
    }
    if (!best || score > best.score) best = { span, score };
  }
  if (!best) return null;
  let chosen = asksForSeveral(query) ? coordinated(sentence, best.span, candidates) : best.span;
  // "Who is Nvidia's CEO": not the title the question gave ("Chief Executive Jensen Huang" → "Jensen Huang").
  if (identity) {
    const lead = words.findIndex((w, i) => w.start >= chosen.start && w.end <= chosen.end && !matchedOwn.has(i));
    if (lead >= 0 && words[lead]!.start > chosen.start) chosen = { ...chosen, start: words[lead]!.start, text: sentence.slice(words[lead]!.start, chosen.end) };
  }
  // A person named by part of a name ("Martínez"): the one the story last named in full.
  if (query.expect === 'person') {
    const full = fullName(index, sentenceIndex, chosen.text);
    if (full) return full;
  }
  // Tidy the span: no leading article for things, no trailing punctuation.
  return chosen.text
    .replace(/^(?:the|a|an)\s+/i, (m) => (query.expect === 'thing' || query.expect === 'reason' ? '' : m))
    .replace(/[.,;:-]+$/, '');
}

/**
 * The full name of a person the sentence names by part of a name two people share ("Martínez"): of the story's
 * people whose names end so, the one named in full last, at or before this sentence ("Argentina goalkeeper
 * Emiliano Martínez saved …. Martínez had earlier kept Argentina alive"), as news names someone in full once
 * and then by surname.
 */
function fullName(index: StoryIndex, sentenceIndex: number, text: string): string | null {
  const words = text.trim().split(/\s+/);
  if (!words.length || words.length > 2) return null;
  const people = index.story.entities.filter((e) => {
    const name = e.name.split(/\s+/);
    return e.type === 'person' && name.length > words.length && name.slice(-words.length).join(' ') === words.join(' ');
  });
  // One person of that name is named enough; several need telling apart.
  if (people.length < 2) return null;
  for (let i = sentenceIndex; i >= 0; i--) {
    const said = index.story.sentences[i]!.text;
    const named = people.filter((e) => said.includes(e.name));
    if (named.length) return named.sort((a, b) => said.lastIndexOf(b.name) - said.lastIndexOf(a.name))[0]!.name;
  }
  return null;
}

/**
 * Whether a name may be a place: WordNet does not know it (most places in news are not in it), or files a sense
 * of it as a location, an artifact (a building, a stadium) or a natural object (a river, a mountain).
 */
function mayBePlace(text: string): boolean {
  const senses = lexicon.senses(text.toLowerCase().replace(/^the\s+/, ''), 'n');
  return !senses.length || senses.some((x) => x.lexFile === 'noun.location' || x.lexFile === 'noun.artifact' || x.lexFile === 'noun.object');
}

/**
 * Whether a common noun at `start` stands after a preposition of place ("at the north gate"), and not after a
 * "to" that names none ("according to a report", "due to the storm").
 */
function afterPlacePreposition(sentence: string, start: number): boolean {
  return /\b(?:at|in|on|near|outside|inside|into|onto|to|from|across|along)\s+$/i.test(sentence.slice(Math.max(0, start - 12), start))
    && !/\b(?:according|due|thanks|owing|prior|compared|contrary|related|regard)\s+to\s+$/i.test(sentence.slice(Math.max(0, start - 20), start));
}

/**
 * Whether a "who" question asks who someone described is ("who is Nvidia's CEO", "who was the architect"): the
 * description is the question's, so the person it names (by the story's alias for them, or right after the
 * title: "Chief Executive Jensen Huang") is the answer, not a repetition of the question.
 */
export function asksIdentity(query: AnalyzedQuery): boolean {
  return query.expect === 'person' && /^(?:who|whom)\s+(?:is|was|are|were)\b/i.test(query.normalized);
}

/** The asked-for noun as WordNet has it ("city" for "which cities"), if WordNet has it as a noun. */
export function headNounLemma(query: AnalyzedQuery): string | undefined {
  const head = query.head;
  const headToken = head ? query.terms.find((t) => termsOf(t.token)[0] === head)?.token : undefined;
  return headToken ? lexicon.lemmas(headToken.toLowerCase()).find((l) => l.pos === 'n')?.lemma : undefined;
}

/** The WordNet class (lexicographer file) of the asked-for noun's likeliest sense ("noun.group" for "which party"). */
export function headNounClass(query: AnalyzedQuery, lemma = headNounLemma(query)): string | undefined {
  return lemma ? lexicon.senses(lemma, 'n')[0]?.lexFile : undefined;
}

/** Whether a candidate of a kind (a span's, or a fact answer's type) may answer for a noun of the WordNet class its likeliest sense is filed in: a group ("party", "agency") is no person. */
export function fitsClass(kind: string, lexFile: string): boolean {
  return lexFile !== 'noun.group' || kind !== 'person';
}

/** A span's kind, where a name lies inside a person or an organisation the parser found: that one ("Kim Jong Un", "National Security Council"). */
function typedAs(spans: readonly Span[], span: Span): string {
  if (spans.some((o) => o.kind === 'person' && o.start <= span.start && span.end <= o.end)) return 'person';
  for (const kind of ['organisation', 'place'] as const) if (span.kind === 'name' && spans.some((o) => o.kind === kind && o.start <= span.start && span.end <= o.end)) return kind;
  return span.kind;
}

/** How a clause that sets a time opens (the analysis's time clauses: src/text/analyze.ts). */
const WHEN_LEAD = /^(?:when|whenever|as soon as)\b/i;
/** A question that opens with "when" (after at most one word of lead-in: "so when"). */
const WHEN_FIRST = /^\W*(?:\S+\s+)?when\b/i;

/** A figure of money: a currency sign or a currency's name. */
const MONEY = /[$€£¥]|\b(?:dollars?|euros?|pounds?|yen|yuan|rupees?|cents?|francs?|pesos?|roubles?|rubles?)\b/i;

/** Whether a figure is given as someone's age: between commas after a name, or with "years old", "-year-old", "aged", "at age". */
function isAge(sentence: string, span: Span): boolean {
  if (!/^\d{1,3}$/.test(span.text)) return false;
  const before = sentence.slice(Math.max(0, span.start - 12), span.start);
  const after = sentence.slice(span.end, span.end + 14);
  return (/\p{L},\s*$/u.test(before) && /^\s*[,)]/.test(after)) || /^(?:\s+years?\s+old\b|-years?-old\b)/i.test(after) || /\b(?:aged|age|age of)\s+$/i.test(before);
}

/** "What was Kim's welcome like", "what's the weather like there": asks how something is described. */
const WHAT_LIKE = /^(?:\S+\s+)?what\s+(?:is|was|are|were|has been)\s+.+\s+like\b/i;

/**
 * The word the passage describes what the question asks about with: an adjective or adverb right next to a
 * word matching the question's own ("warmly welcomed" for "what was the welcome like", "spoke briefly" for
 * "what was her speech like"), not one the question has.
 */
function describingWord(index: StoryIndex, sentenceIndex: number, query: AnalyzedQuery): string | null {
  const words = index.analyses[sentenceIndex]!.words;
  const asked = new Set(positions(index, sentenceIndex, predicateTerms(query).filter((t) => t.token.toLowerCase() !== 'like'), false));
  const all = new Set(positions(index, sentenceIndex, query.terms));
  const describing = (i: number) => !!words[i] && !all.has(i) && words[i]!.tags.some((t) => t === 'Adjective' || t === 'Adverb') && termsOf(words[i]!.text).length > 0;
  // A noun's describing word stands before it ("a noisy welcome"); a verb's manner mostly after it ("spoke briefly").
  for (const i of asked) for (const j of words[i]!.tags.includes('Verb') ? [i + 1, i - 1] : [i - 1, i + 1]) if (describing(j)) return words[j]!.text;
  return null;
}

/** Whether a question asks for more than one: "who were …", "what two fields …", "name both …", "which players …". */
function asksForSeveral(query: AnalyzedQuery): boolean {
  const q = query.normalized.toLowerCase();
  if (/^(?:\S+\s+)?(?:who|what|which)\s+(?:were|are)\b/.test(q) || /\b(?:both|two|three|four|five|several)\b/.test(q)) return true;
  // A plural head noun ("which players", "what fields"): the word as typed is not its own base form.
  const m = /\b(?:what|which)\s+(?:[\p{L}-]+\s+)?([\p{L}-]+s)\b/u.exec(q);
  const base = m ? lexicon.lemmas(m[1]!)[0] : undefined;
  return base?.pos === 'n' && base.lemma !== m![1];
}

const NAMED: ReadonlySet<SpanKind> = new Set(['person', 'place', 'organisation', 'name']);

/** Joins a span with the spans of its kind it is listed with ("Robert Lane and Benjamin Vail", "A, B and C"). */
function coordinated(sentence: string, span: Span, candidates: readonly Span[]): Span {
  const joiner = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)$/;
  let { start, end } = span;
  for (let grown = true; grown;) {
    grown = false;
    for (const c of candidates) {
      // A name the parser typed otherwise ("Robert Lane" as a place) is still listed with a person.
      if (c.kind !== span.kind && !(c.kind === 'name' && NAMED.has(span.kind))) continue;
      if (c.start >= end && joiner.test(sentence.slice(end, c.start))) { end = c.end; grown = true; }
      else if (c.end <= start && joiner.test(sentence.slice(c.end, start))) { start = c.start; grown = true; }
    }
  }
  return start === span.start && end === span.end ? span : { ...span, start, end, text: sentence.slice(start, end) };
}

/**
 * A short answer cut to what the question asks for: "what year" → the year of a fuller date ("on 7 January
 * 1943" → 1943), "how many points" → the figure; an unclosed parenthesis is cut off.
 */
export function fitToHead(query: AnalyzedQuery, answer: string): string {
  if (query.head === 'year') return /\b(?:1\d{3}|20\d{2})s?\b/.exec(answer)?.[0] ?? answer;
  // "How many points": the figure ("11 points" → 11), the unit being what was asked.
  const counted = query.expect === 'number' && query.head ? /^(\S*\d\S*)\s+([\p{L}-]+)$/u.exec(answer) : null;
  if (counted && termsOf(counted[2]!)[0] === query.head) return counted[1]!;
  // A parenthesis the span opened but did not close ("1,388 (0.9%") is cut off.
  return answer.replace(/\s*\([^)]*$/, '') || answer;
}

/**
 * Whether a candidate answer to "what is the name of X" (X a person: AnalyzedQuery.namedPerson) is X itself,
 * not its name: X's words end it ("… and NATO's Secretary General" for "the name of the NATO secretary
 * general", where the story never names them), as a name stands after its title ("North Korean leader Kim Jong
 * Un"). False for any other question.
 */
export function restatesNamed(index: StoryIndex, sentenceIndex: number, query: AnalyzedQuery, text: string): boolean {
  if (query.namedPerson === undefined) return false;
  const named = new Set(tokenize(query.namedPerson).map((w) => w.toLowerCase()));
  const firm = index.options.firmCredit;
  const inSentence = index.sentenceTerms[sentenceIndex]!;
  const asked = query.terms.filter((t) => named.has(t.token.toLowerCase()) && creditIn(inSentence, t) >= firm);
  const last = tokenize(text).filter((w) => termsOf(w).length > 0).at(-1);
  if (!asked.length || !last) return false;
  const own = new Set(termsOf(last));
  return asked.some((t) => creditIn(own, t) >= firm);
}
