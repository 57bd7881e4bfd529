import type { StoryIndex } from '../search/index.ts';
import type { AnchoredFact } from '../story/types.ts';
import { lexicon } from '../lexicon/index.ts';
import { findTimes, mayHoldTime } from '../story/drafting/times.ts';
import { agrees, figuresIn, sameUnit } from '../text/figures.ts';
import { ENTITY_PREFIX, normalizeText, termsOf } from '../text/terms.ts';
import { valence } from '../text/valence.ts';
import { attributionOf, joinNames } from './attribution.ts';
import { functionAntonym } from './function-antonym.ts';
import { claimFact } from './facts.ts';
import { inExpression, predicateTerms, type AnalyzedQuery, type QueryTerm } from './query.ts';
import { outOfStory } from './relevance.ts';
import { coverage, creditIn, rankSentences, type Candidate } from './retrieve.ts';
import type { Answer, Verdict, VerdictReason } from './types.ts';

/**
 * factcheck, element by element: a claim is `supported` only when every content element of it (who, did
 * what, to whom, when, where, how many, how described) lines up with one passage; an element the passage
 * gives differently makes it `contradicted` (another person, place or source; another figure, date or
 * weekday; an antonym; a negation; swapped roles; an overreach); a passage the story reports only as
 * belief, allegation or denial makes it `disputed`; anything the story never says is `not_in_story`.
 */

const WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/gi;
const MONTH = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/gi;
const PART_OF_DAY = /\b(?:morning|afternoon|evening|night|midnight|noon|dawn|dusk)\b/gi;
/** A token that is a weekday, month or part of the day, whole. */
const CALENDAR_WORD = new RegExp(`^(?:${[WEEKDAY, MONTH, PART_OF_DAY].map((re) => re.source).join('|')})$`, 'i');
const NEGATION = /\b(?:not|never|no|neither|nor|without|cannot|failed to|fail to|fails to|refused to)\b|n't\b/i;
const DENIAL = /\b(?:den(?:y|ied|ies|ying)|rejected|dismissed|refuted)\b/i;
const HEDGE = /\b(?:believed|alleged(?:ly)?|reportedly|suspected|thought to|said to|rumou?red|supposedly|apparently)\b/i;
/** Words that make a claim absolute where a story may qualify it ("first ever", "never before"). */
const ABSOLUTE = /\b(?:ever|never before|of all time|in history|always)\b/i;
const QUALIFIED_FIRST = /\bfirst\b[^.;]*?\bin (?:(?:nearly|almost|over|more than|about|some) )?(?:\d+|a|two|three|four|five|six|seven|eight|nine|ten|several|many) (?:years?|decades?|months?)\b/i;
const SPEECH = /\b(?:said|says|say|told|tell|called|calls|call|described|describes|reported|reports|announced|announces|stated|wrote|writes|according to|claimed|claims)\b/i;

const lower = (s: string) => s.toLowerCase();

function matches(re: RegExp, text: string): string[] {
  return [...text.matchAll(new RegExp(re.source, 'gi'))].map((m) => lower(m[0]));
}

/** An element of the claim the passage gives differently, or null. */
function conflict(index: StoryIndex, query: AnalyzedQuery, best: Candidate, fact: AnchoredFact | undefined): VerdictReason | null {
  const claim = query.normalized;
  const passage = best.sentence.text;
  const sentenceTerms = index.sentenceTerms[best.sentence.index]!;
  // A figure of the claim counts as matched where the passage has one of the same kind to compare it with
  // ("$52 million" against "$48 million"): its value is what is checked below.
  const storyFigures = figuresIn(passage);
  const claimFigures = figuresIn(claim);
  const figureToCompare = (t: QueryTerm) => claimFigures.some((f) => f.start <= t.start && t.start < f.end && storyFigures.some((x) => sameUnit(f, x)));
  const matched = query.terms.filter((t) => creditIn(sentenceTerms, t) > 0 || figureToCompare(t)).length;
  // Another source: the claim credits someone the story does not credit for this.
  const facts = index.factsBySentence.get(best.sentence.index) ?? [];
  const credited = new Set(facts.flatMap((f) => f.attribution).filter((id) => id !== 'article'));
  const named = index.aliases.find(passage);
  if (credited.size && matched >= 2 && SPEECH.test(claim)) {
    const other = query.entities.map((id) => index.story.sources.find((s) => s.id === id)).find((s) => s && !credited.has(s.id) && !named.includes(s.id));
    if (other) return { element: 'source', claim: other.name, story: joinNames([...credited].map((id) => index.story.sources.find((s) => s.id === id)?.name ?? id)) };
  }
  // An antonym (with at least two other words in common) of a word the passage uses ("criticized" for "praised", "fell" for "rose").
  // Figures and the words of time expressions differ by value, not meaning ("two" is no opposite of "first"): compared below.
  const published = index.story.meta.published?.value;
  const timeSpans = mayHoldTime(claim) ? findTimes(claim, published) : [];
  const inTime = (t: QueryTerm) => timeSpans.some((x) => x.start <= t.start && t.start < x.end);
  // A short claim pins the event too when all but one of its words are the passage's: that one word is what it says of it.
  const allButOne = matched >= 2 && matched === query.terms.length - 1;
  for (const t of matched >= index.options.eventWords || allButOne ? query.terms : []) {
    if (t.salient || isValue(t.token) || inTime(t) || creditIn(sentenceTerms, t) >= index.options.firmCredit) continue;
    const opposite = index.meaning.antonymsIn(t.token, sentenceTerms);
    if (opposite) return { element: 'description', claim: t.token, story: storyWord(index, best.sentence.index, opposite) };
    const judged = opposedJudgement(index, query, best, t);
    if (judged) return { element: 'description', claim: t.token, story: judged };
  }
  // An overreach: "first ever" where the story says "first in nearly 25 years".
  const qualified = QUALIFIED_FIRST.exec(passage);
  if (matched >= 2 && qualified && /\bfirst\b/i.test(claim) && !QUALIFIED_FIRST.test(claim)) {
    return { element: 'overreach', claim: ABSOLUTE.exec(claim)?.[0] ? `first ${ABSOLUTE.exec(claim)![0]}` : 'first', story: qualified[0] };
  }
  if (matched < index.options.eventWords) return null;
  // The claim must pin down the passage's event: most of what it says about its names is there. Its
  // values (figures, weekdays, months, parts of the day, time expressions such as "two years ago") are
  // what is compared once the event is pinned, so they do not count towards pinning it.
  const predicate = predicateTerms(query).filter((t) => !isValue(t.token) && !inTime(t));
  if (predicate.length && coverage(index, query, best.sentence, predicate) < index.options.eventCoverage) return rolesOnly(index, query, best);
  // A function word's antonym ("below" where the passage has "above", "least" for "most"), which the term index leaves out.
  const flipped = !NEGATION.test(claim) ? functionAntonym(claim, passage, index.options.meaningSenses) : null;
  if (flipped) return { element: 'description', claim: flipped.claim, story: flipped.story };
  // Figures: a claim figure that no figure of the same kind in the passage agrees with. The clause the
  // claim is about (its fact's quote) is the scope when it has such figures: "opened the scoring in the
  // 23rd minute" does not lend "36th" from "doubled the lead in the 36th minute".
  const clauseFigures = fact ? figuresIn(fact.quote.exact) : [];
  for (const f of claimFigures) {
    const inClause = clauseFigures.filter((s) => sameUnit(f, s));
    const comparable = inClause.length ? inClause : storyFigures.filter((s) => sameUnit(f, s));
    if (comparable.length && !comparable.some((s) => agrees(f, s))) {
      return { element: f.unit === 'calendar-year' ? 'time' : 'number', claim: f.text, story: comparable[0]!.text };
    }
  }
  // A year the passage's annotated date resolves differently ("last year" is 2023, not 2010), the claim's
  // own relative dates resolved against the publication date as the story's are ("two years ago": 2022).
  const factYears = facts.map((x) => x.time?.value?.slice(0, 4)).filter((y): y is string => !!y && /^\d{4}$/.test(y));
  const claimYears = [
    ...claimFigures.filter((x) => x.unit === 'calendar-year').map((f) => ({ text: f.text, year: String(f.value) })),
    ...(published ? timeSpans : []).filter((t) => t.time.basis && 'derived' in t.time.basis && t.time.value).map((t) => ({ text: t.time.text, year: t.time.value!.slice(0, 4) })),
  ];
  // A time after publication is another event (a plan, a forecast) than the story's, not another time of it.
  for (const c of claimYears.filter((x) => !published || x.year <= published.slice(0, 4))) {
    if (factYears.length && !factYears.includes(c.year) && !storyFigures.some((s) => s.unit === 'calendar-year')) {
      const when = facts.find((x) => x.time)?.time?.text ?? factYears[0]!;
      return { element: 'time', claim: c.text, story: when };
    }
  }
  // Another owner of the same thing: "Russia's ruling party paper" where the story has "North Korea's ruling … newspaper".
  const owner = ownerConflict(index, query, best);
  if (owner) return owner;
  // Weekdays, months and parts of the day the passage names differently.
  for (const re of [WEEKDAY, MONTH, PART_OF_DAY]) {
    const said = matches(re, claim);
    const has = matches(re, passage);
    const wrong = said.find((w) => !has.includes(w));
    if (wrong && has.length) return { element: 'time', claim: wrong, story: has[0] };
  }
  // Another person or place in a slot the story fills with someone else: a name the story never uses,
  // or one of its own names, where the passage's fact names another of the same type.
  const slots = facts.filter((f) => f.answer && (f.kind === 'who' || f.kind === 'where'));
  const pinned = !predicate.length || coverage(index, query, best.sentence, predicate) >= index.options.namePinCoverage;
  for (const t of query.terms.filter((x) => !x.known && x.salient && !/\d/.test(x.token))) {
    // A name whose other words are a story person's ("Kim Jong Il" by "Kim Jong Un") is a person's: it fills no place.
    const kind = nameKind(index, query, t);
    const slot = slots.find((x) => !kind || x.kind === kind);
    if (slot && pinned && exclusive(query)) return { element: slot.kind === 'where' ? 'place' : 'person', claim: t.token, story: slot.answer!.text };
  }
  for (const f of pinned ? slots : []) {
    const ref = f.answer!.ref;
    if (!ref || query.entities.includes(ref)) continue;
    const type = index.story.entities.find((e) => e.id === ref)?.type;
    const other = query.entities.find((id) => id !== ref && index.story.entities.find((e) => e.id === id)?.type === type && !named.includes(id));
    if (other) return { element: f.kind === 'where' ? 'place' : 'person', claim: index.story.entities.find((e) => e.id === other)?.name, story: f.answer!.text };
  }
  return rolesSwapped(index, query, best);
}

/**
 * A judgement the passage makes the other way: the claim word rates what it says good or bad (AFINN valence),
 * and the passage's rated word nearest to where the claim's neighbouring words stand in it rates it the
 * opposite way ("Washington welcomed the visit" where "the visit has raised concerns in the United States").
 * A negated claim is left to the negation check.
 */
function opposedJudgement(index: StoryIndex, query: AnalyzedQuery, best: Candidate, t: QueryTerm): string | null {
  const strength = index.options.opposedValence;
  const own = valence(t.token);
  if (!strength || Math.abs(own) < strength || NEGATION.test(query.normalized)) return null;
  const words = index.analyses[best.sentence.index]!.words;
  const wordTerms = index.wordTerms[best.sentence.index]!;
  const firmAt = (x: QueryTerm) => wordTerms.flatMap((ts, i) => (ts.some((f) => (x.forms.get(f) ?? 0) >= index.options.firmCredit) ? [i] : []));
  const others = query.terms.filter((x) => x !== t && x.known);
  // The claim's nearest matched words on either side of the judging word, where they stand in the passage.
  const before = others.filter((x) => x.start < t.start && firmAt(x).length).at(-1);
  const after = others.find((x) => x.start > t.start && firmAt(x).length);
  const anchors = [before, after].flatMap((x) => (x ? firmAt(x) : []));
  if (!anchors.length) return null;
  // The rest of the claim must pin the passage's event down: a judgement of something else is no contradiction.
  const rest = predicateTerms(query).filter((x) => x !== t && !isValue(x.token));
  if (!rest.length || coverage(index, query, best.sentence, rest) < index.options.eventCoverage) return null;
  const matched = new Set(query.terms.flatMap(firmAt));
  let nearest: { at: number; distance: number; v: number } | null = null;
  for (let i = 0; i < words.length; i++) {
    // A word of a name does not judge ("Security" in "the National Security Council").
    const v = matched.has(i) || wordTerms[i]!.some((f) => f.startsWith(ENTITY_PREFIX)) ? 0 : valence(words[i]!.text);
    if (Math.abs(v) < strength) continue;
    const distance = Math.min(...anchors.map((a) => Math.abs(a - i)));
    if (!nearest || distance < nearest.distance) nearest = { at: i, distance, v };
  }
  return nearest && Math.sign(nearest.v) !== Math.sign(own) ? words[nearest.at]!.text : null;
}

/** The passage's own word for a lemma ("praised" for praise), so that the reason quotes the story. */
function storyWord(index: StoryIndex, sentence: number, lemma: string): string {
  const word = index.analyses[sentence]!.words.find((w) => { const low = w.text.toLowerCase(); return low === lemma || lexicon.lemmas(low).some((l) => l.lemma === lemma); });
  return word?.text ?? lemma;
}

/** A figure or a calendar word: a value a claim states about an event, not part of what the event is. */
function isValue(token: string): boolean {
  return figuresIn(token).length > 0 || CALENDAR_WORD.test(token);
}

/** The entity ids a stretch of text names. */
const idsIn = (index: StoryIndex, text: string) => index.aliases.find(text);

/**
 * A possessive in the claim ("Russia's ruling party paper") whose noun phrase the passage has with another
 * owner ("North Korea’s ruling Workers' Party newspaper"): another place or person in that slot.
 */
function ownerConflict(index: StoryIndex, query: AnalyzedQuery, best: Candidate): VerdictReason | null {
  const passage = best.sentence.text.replace(/’/g, "'");
  const claim = query.normalized.replace(/’/g, "'");
  // Owners in the claim: a possessive ("Russia's ruling party paper"), or an adjective of a place the
  // story names ("a Russian newspaper": WordNet's pertainym of Russia).
  const owned: { owner: string; ids: string[]; rest: string }[] = [];
  for (const m of claim.matchAll(/([\p{L}.-]+(?: [\p{L}.-]+){0,2})'s? ((?:[\p{L}-]+ ?){1,4})/gu)) {
    const span = index.aliases.spans(m[1]!).at(-1);
    owned.push({ owner: span ? normalizeText(m[1]!).slice(span.start, span.end) : m[1]!, ids: idsIn(index, m[1]!), rest: m[2]! });
  }
  const words = claim.split(/\s+/).map((w) => w.replace(/[^\p{L}'-]/gu, ''));
  words.forEach((w, i) => {
    if (!w || i + 1 >= words.length) return;
    const place = [...index.meaning.storyTermsFor(w)].find(([t, c]) => c >= index.options.firmCredit && index.nameWords.has(t));
    if (!place || idsIn(index, w).length) return;
    owned.push({ owner: w, ids: idsIn(index, place[0]), rest: words.slice(i + 1, i + 4).join(' ') });
  });
  for (const { owner, ids, rest } of owned) {
    if (!ids.length) continue;
    // What is owned, by the story terms its words matched (typos and synonyms included).
    const restWords = new Set(rest.trim().toLowerCase().split(/\s+/));
    // (A typo's own stem, which no story word has, is no head: "newpaper" stands for the story's "newspaper".)
    const heads = new Set(rest.trim().split(/\s+/).flatMap((w) => termsOf(w)).filter((t) => index.vocabulary.has(t)));
    for (const t of query.terms) if (restWords.has(t.token.toLowerCase())) for (const [f, c] of t.forms) if (c >= index.options.firmCredit) heads.add(f);
    for (const p of passage.matchAll(/([\p{Lu}][\p{L}.-]*(?: [\p{Lu}][\p{L}.-]*){0,3})'s? ((?:[\p{L}'-]+ ?){1,5})/gu)) {
      const storyOwner = idsIn(index, p[1]!);
      if (!storyOwner.length || storyOwner.some((id) => ids.includes(id))) continue;
      const shared = p[2]!.trim().split(/\s+/).flatMap((w) => termsOf(w)).filter((t) => heads.has(t));
      if (shared.length >= 2 || (shared.length === 1 && heads.size === 1)) return { element: 'place', claim: owner, story: p[1] };
    }
  }
  return null;
}

/**
 * The kind of slot an unknown name of the claim fills, by the name words right before it: after words of a
 * story person's name ("Kim Jong Il" by Kim Jong Un), a person's ('who'); after words of a place's, a
 * place's ('where'); otherwise undefined (any slot).
 */
function nameKind(index: StoryIndex, query: AnalyzedQuery, t: QueryTerm): 'who' | 'where' | undefined {
  // The name's words before it: the claim words right before it, each only a space from the next.
  const name: QueryTerm[] = [];
  let next = t;
  for (const x of query.terms.filter((y) => y.start < t.start).reverse()) {
    if (!/^\s+$/.test(query.normalized.slice(x.start + x.token.length, next.start)) || !index.nameWords.has(x.token.toLowerCase())) break;
    name.push(x);
    next = x;
  }
  const words = new Set(name.map((x) => x.token.toLowerCase()));
  const types = new Set(index.story.entities.filter((e) => e.name.toLowerCase().split(/\s+/).some((w) => words.has(w))).map((e) => e.type));
  if (types.has('person')) return 'who';
  if (types.has('place')) return 'where';
  return undefined;
}

/** With the event only loosely pinned down, only a swap of the story's own names can conflict. */
function rolesOnly(index: StoryIndex, query: AnalyzedQuery, best: Candidate): VerdictReason | null {
  return query.terms.every((t) => t.known) ? rolesSwapped(index, query, best) : null;
}

/**
 * Whether the claim's slot is one only one party can fill: a statement credited to a speaker, a definite
 * object ("won the Golden Ball", "wrote the majority opinion"), a first or a last.
 */
function exclusive(query: AnalyzedQuery): boolean {
  const c = query.normalized;
  return SPEECH.test(c) || /\b(?:first|last|only|sole)\b/i.test(c) || /\bby\s+\p{L}/iu.test(c) || /\b\w+(?:ed|ote|on|ew|ave|ook|ent)\s+the\s+\w+/i.test(c);
}

/** Two of the story's names on the wrong sides of the matched verb ("Putin greeted Kim" where Kim greeted Putin). */
function rolesSwapped(index: StoryIndex, query: AnalyzedQuery, best: Candidate): VerdictReason | null {
  const words = index.analyses[best.sentence.index]!.words;
  const wordTerms = index.wordTerms[best.sentence.index]!;
  const entities = query.terms.filter((t) => [...t.forms.keys()].some((f) => f.startsWith(ENTITY_PREFIX)));
  if (entities.length < 2) return null;
  const firm = (t: QueryTerm, x: string) => (t.forms.get(x) ?? 0) >= index.options.firmCredit;
  const verbTerm = query.terms.find((t) => !t.salient && t.known && wordTerms.some((ts, i) => words[i]!.tags.includes('Verb') && ts.some((x) => firm(t, x))));
  if (!verbTerm) return null;
  const verbAt = wordTerms.findIndex((ts, i) => words[i]!.tags.includes('Verb') && ts.some((x) => firm(verbTerm, x)));
  const passive = /^\s*by\b/i.test(index.story.sentences[best.sentence.index]!.text.slice(words[verbAt]!.end));
  const claimVerbAt = query.normalized.toLowerCase().indexOf(verbTerm.token.toLowerCase());
  const side = (t: QueryTerm) => {
    const at = wordTerms.findIndex((ts) => ts.some((x) => x.startsWith(ENTITY_PREFIX) && t.forms.has(x)));
    if (at < 0) return null;
    const before = at < verbAt;
    return passive ? !before : before;
  };
  const claimPassive = /\b(?:was|were|is|are|been)\s+\w+ed\s+by\b/i.test(query.normalized);
  // An exchange told from the other side: "Russia gave NK food in return for arms" is "NK supplied weapons to
  // Russia in exchange for food". With the goods the other way round, the names are too.
  const flipped = exchangeTurned(index, query, best, verbAt);
  let swapped = false;
  for (const a of entities) {
    for (const b of entities) {
      if (a === b) continue;
      const aBefore = a.start < claimVerbAt;
      const bBefore = b.start < claimVerbAt;
      if (aBefore === bBefore) continue;
      const subject = (claimPassive ? !aBefore : aBefore) ? a : b;
      const object = subject === a ? b : a;
      const s = side(subject);
      const o = side(object);
      if (s === false && o === true) swapped = true;
    }
  }
  if (swapped === flipped) return null;
  return { element: 'roles', story: words.map((w) => w.text).join(' ').slice(0, 120) };
}

/** "in exchange for", "in return for": what is given stands before it, what is got after it. */
const EXCHANGE = /\bin (?:exchange|return) for\b/i;

/**
 * Whether the claim tells the passage's exchange with the goods the other way round: what it says is got
 * ("arms" after "in return for") is what the passage says is given ("weapons" between the verb and "in
 * exchange for"), and what it says is given is what the passage says is got ("food").
 */
function exchangeTurned(index: StoryIndex, query: AnalyzedQuery, best: Candidate, verbAt: number): boolean {
  const claim = query.normalized;
  const passage = index.story.sentences[best.sentence.index]!.text;
  const inClaim = EXCHANGE.exec(claim);
  const inPassage = EXCHANGE.exec(passage);
  if (!inClaim || !inPassage) return false;
  const words = index.analyses[best.sentence.index]!.words;
  const wordTerms = index.wordTerms[best.sentence.index]!;
  const verbEnd = words[verbAt]!.end;
  const cut = inPassage.index;
  const firmIn = (t: QueryTerm, from: number, to: number) => words.some((w, i) => w.start >= from && w.end <= to
    && wordTerms[i]!.some((x) => !x.startsWith(ENTITY_PREFIX) && (t.forms.get(x) ?? 0) >= index.options.firmCredit));
  const things = query.terms.filter((t) => !t.salient && !isValue(t.token));
  const got = things.filter((t) => t.start > inClaim.index + inClaim[0].length);
  const given = things.filter((t) => t.start < inClaim.index && !firmIn(t, words[verbAt]!.start, verbEnd));
  if (!got.length || !given.length) return false;
  return got.every((t) => firmIn(t, verbEnd, cut)) && given.some((t) => firmIn(t, cut + inPassage[0].length, passage.length));
}

/**
 * A claim word that counts as polysemous only through another reading than its likeliest, and that the story
 * itself uses: "gaming" (a noun of two senses, if also a form of "game", which has many), where the story has
 * "gaming revenue" elsewhere. What it says is specific, so the passage must state it.
 */
function specificStoryWord(index: StoryIndex, t: QueryTerm): boolean {
  if (t.match !== 'exact') return false;
  const likeliest = lexicon.lemmas(t.token.toLowerCase())[0];
  return !!likeliest && lexicon.senses(likeliest.lemma).length < index.options.lightSenses;
}

/** Claim words the passage does not hold (an unmatched adverb such as "personally" is not an element). */
function unsupported(index: StoryIndex, query: AnalyzedQuery, best: Candidate): QueryTerm[] {
  const terms = index.sentenceTerms[best.sentence.index]!;
  const narrower = (t: QueryTerm) => { for (const x of index.meaning.narrowerTerms(t.token)) if (terms.has(x)) return true; return false; };
  return query.terms.filter((t) => creditIn(terms, t) < index.options.firmCredit && !(index.options.claimGeneralizes && narrower(t)) && !index.meaning.isAdverbOnly(t.token) && !figuresIn(t.token).length
    && !(t.english && !t.salient && index.meaning.senseCount(t.token) >= index.options.lightSenses && !specificStoryWord(index, t))
    // A word of an adverbial or adjectival expression with its neighbour ("in question", "for sure"): a modifier, like an adverb.
    && !inExpression(index.meaning, query, t.token, ['a', 'r'])
    && !implicative(query, t));
}

/**
 * Verbs that only say whether the verb after them happened: "managed to greet" says he greeted, "didn't bother
 * going" that he did not go. General English, not the story's: the verb after carries the claim.
 */
const IMPLICATIVE = new Set(['bother', 'manage', 'happen', 'get', 'go', 'proceed']);

/** Whether a claim word is an implicative verb right before the verb it is about ("bother going", "managed to meet"). */
function implicative(query: AnalyzedQuery, t: QueryTerm): boolean {
  if (!lexicon.lemmas(t.token.toLowerCase()).some((l) => l.pos === 'v' && IMPLICATIVE.has(l.lemma))) return false;
  const after = query.normalized.slice(t.start + t.token.length);
  const next = /^\s+(?:to\s+)?([\p{L}]+)/u.exec(after)?.[1];
  return !!next && (/ing$/i.test(next) || /^\s+to\s/i.test(after)) && lexicon.lemmas(next.toLowerCase()).some((l) => l.pos === 'v');
}

/** A verdict with its evidence. */
function withVerdict(index: StoryIndex, base: Answer, best: Candidate, fact: AnchoredFact | undefined, verdict: Verdict, reason?: VerdictReason): Answer {
  const attribution = attributionOf(index, best.sentence, fact);
  return {
    ...base,
    found: true,
    verdict,
    ...(reason ? { reason } : {}),
    answer: verdict,
    passage: best.sentence.text,
    paragraph: best.sentence.paragraph,
    source: attribution.source,
    certainty: attribution.certainty,
    trace: { coverage: Number(best.coverage.toFixed(3)), factId: fact?.id },
  };
}

/**
 * A claim its best passage does not state may still be contradicted by a near-best one (within factWindow)
 * that holds every name the claim is about: "Washington welcomed the visit" is best matched by Pyongyang's
 * welcome, and contradicted by the sentence on how the United States took the visit.
 */
function otherwise(index: StoryIndex, base: Answer, query: AnalyzedQuery, ranked: Candidate[]): Answer | null {
  const best = ranked[0]!;
  const names = query.terms.filter((t) => t.salient && t.known && !isValue(t.token));
  if (!names.length) return null;
  const holds = (c: Candidate) => names.every((t) => creditIn(index.sentenceTerms[c.sentence.index]!, t) >= index.options.firmCredit);
  for (const c of ranked.slice(1)) {
    if (c.score < best.score - index.options.factWindow || !holds(c)) continue;
    const fact = claimFact(index, c, query);
    const clash = conflict(index, query, c, fact);
    if (clash) return withVerdict(index, base, c, fact, 'contradicted', clash);
  }
  return null;
}

/** factcheck: a verdict on a claim, with the evidence passage. */
export function factcheck(index: StoryIndex, base: Answer, query: AnalyzedQuery): Answer {
  const ranked = rankSentences(index, query);
  const best = ranked[0];
  const fact = best && claimFact(index, best, query);
  const notInStory = (unknownNames: string[] = []): Answer => ({
    ...base, found: false, verdict: 'not_in_story',
    ...(unknownNames.length ? { unknownNames } : {}),
    ...(best && best.coverage > 0 ? { closest: { passage: best.sentence.text, paragraph: best.sentence.paragraph } } : {}),
  });
  if (!best) return notInStory(query.terms.filter((t) => !t.known && t.salient).map((t) => t.token));
  const clash = conflict(index, query, best, fact);
  if (clash) return withVerdict(index, base, best, fact, 'contradicted', clash);
  const out = outOfStory(index, query, best, true);
  if (out || best.coverage < index.options.supportCoverage) return otherwise(index, base, query, ranked) ?? notInStory(out?.unknownNames ?? []);
  const missing = unsupported(index, query, best);
  if (missing.length) return otherwise(index, base, query, ranked) ?? notInStory();
  const passage = best.sentence.text;
  // How firm the story is: the claim's own fact, unless another fact of the passage that holds the claim's
  // words is reported only as belief or as denied.
  const shared = (f: AnchoredFact) => query.terms.filter((t) => creditIn(index.factTerms.get(f.id)!, t) >= index.options.firmCredit).length;
  const weaker = best.facts.filter((f) => (f.certainty === 'alleged' || f.certainty === 'denied') && shared(f) >= 2).sort((a, b) => shared(b) - shared(a))[0];
  const { certainty } = weaker ?? attributionOf(index, best.sentence, fact);
  const claimNegated = NEGATION.test(query.normalized);
  if (certainty === 'denied') return DENIAL.test(query.normalized) ? withVerdict(index, base, best, fact, 'supported') : withVerdict(index, base, best, fact, 'disputed');
  if (certainty === 'alleged') return HEDGE.test(query.normalized) ? withVerdict(index, base, best, fact, 'supported') : withVerdict(index, base, best, fact, 'disputed');
  if (claimNegated !== NEGATION.test(passage)) return withVerdict(index, base, best, fact, 'contradicted', { element: 'negation' });
  if (DENIAL.test(query.normalized) && !DENIAL.test(passage)) return notInStory();
  return withVerdict(index, base, best, fact, 'supported');
}
