import type { StoryIndex } from '../search/index.ts';
import { normalizeCasual } from '../text/casual.ts';
import { FUNCTION_WORDS } from '../lexicon/function-words.ts';
import { lexicon as wordnet, type Pos } from '../lexicon/index.ts';
import { Memo } from '../memo.ts';
import type { Meaning } from '../text/meaning.ts';
import { ENTITY_PREFIX, STOPWORDS, damerau, termsOf, tokenizeWithOffsets, typoAllowance } from '../text/terms.ts';
import { agrees, figureModifiers, figuresIn, sameUnit, type Figure } from '../text/figures.ts';
import { gapOf, type Gap } from './gap.ts';
import type { QuestionKind } from './types.ts';

/** What kind of short answer a question wants. */
export type Expect = 'person' | 'time' | 'place' | 'number' | 'reason' | 'thing';

/** How a question word was matched to the story. */
export type MatchKind = 'exact' | 'name' | 'typo' | 'meaning';

/** One content word of a question and what it matches in the story. */
export interface QueryTerm {
  token: string;
  /** Offset of the word in the question (after normalisation). */
  start: number;
  /** The story terms it matches, each with its credit (1 for the word itself, less for a typo or a related word). */
  forms: Map<string, number>;
  /** Rarity in the story (inverse sentence frequency); unknown words weigh as rare ones. */
  weight: number;
  /** Whether the story uses this word (or a close spelling, alias or related word) at all. */
  known: boolean;
  /** A name, place, organisation or figure: if the story never uses it, the story does not answer the question. */
  salient: boolean;
  /** Whether it is a known English word (an unknown one that is not is likely a name or a typo of one). */
  english: boolean;
  /** How its best form was matched. */
  match?: MatchKind;
}

/** The role the question's wh-word plays: the subject ("who greeted Putin"), the object ("who did Putin praise"), or neither. */
export type Role = 'subject' | 'object' | 'none';

/** A question read against one story. */
export interface AnalyzedQuery {
  /** The question as typed (cleaned). */
  text: string;
  /** The question in written English: contractions, shorthand and the story's initialisms spelled out. */
  normalized: string;
  kind: QuestionKind;
  expect: Expect;
  /** The noun a "what/which/how many X" question asks about ("agency" in "which news agency"). */
  head?: string;
  role: Role;
  terms: QueryTerm[];
  /** Entity and source ids the question names. */
  entities: string[];
  /** The question asks who said/reported something. */
  speech: boolean;
  /** The claim or question is negated ("did not", "never"). */
  negated: boolean;
  /** A yes/no question ("did Kim greet Putin"). */
  yesNo: boolean;
  /** The adjective of a "how old / how long / how far" question: it names the measure asked for, not something the story must say of its names. */
  measure?: string;
  /** The words of the question's frame ("world order" in "what world order do they want"): an answer may repeat them. */
  frame: string[];
  /** Where the missing piece would stand in the question said as a statement (src/answer/gap.ts). */
  gap?: Gap;
  /** The words after "what is the name of" where they name a person by WordNet's likeliest sense ("the NATO secretary general"): a person's name answers, never these words. */
  namedPerson?: string;
}

/** One modifier word between "what/which" and its noun ("which news agency"), but not a verb ("what did the …"). */
const MOD = '(?:(?!(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could)\\b)[\\w-]+ )?';
const TIME_NOUNS = 'year|date|day|month|time|century|decade|period|era|season|week|hour|age|minute|morning|night|evening|afternoon';
const PLACE_NOUNS = 'place|city|town|location|region|state|area|venue|continent|island|river|street|building|stadium|site|capital|country|nation|province|county|village';
const PERSON_NOUNS = 'person|people|man|woman|men|women|group|organi[sz]ation|company|team|agency|newspaper|paper|outlet|leader|official|body|bodies|player|artist|author|politician|scientist|president|king|queen|party|band|club|justice|judge|coach|minister|reporter|journalist|broadcaster|institute|firm|network|analyst|customer|customers|state official';

/** The adjectives of "how old / how long / how far" questions: each names the measure asked for. */
const MEASURES = 'long|old|far|big|tall|large|high|often|deep|wide|heavy|quick|quickly|fast|soon';
/** What stands before a question's measure adjective ("how " in "how old is …"), one lead word allowed. */
const MEASURE_AT = new RegExp(`^\\s*(?:\\S+\\s+){0,1}how\\s+(?=(?:${MEASURES})\\b)`, 'i');

const FRAME_NOUNS = new RegExp(`^(?:${TIME_NOUNS}|${PLACE_NOUNS}|${PERSON_NOUNS}|kind|type|sort|sorts|kinds|types|name|names|of|the|week|weeks|days|years|yrs|yr)$`);
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one edit (delete, swap, change, insert) away from a word. */
function oneEditAway(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (b) out.add(a + b.slice(1));
    if (b.length > 1) out.add(a + b[1] + b[0] + b.slice(2));
    for (const c of ALPHABET) {
      if (b) out.add(a + c + b.slice(1));
      out.add(a + c + b);
    }
  }
  out.delete(word);
  return [...out];
}

/** What may stand before a question's wh-word: a lead-in ("so", "according to X,") and a preposition ("in what year"). */
const LEAD = '^(?:(?:and|so|but|ok|okay|hey|please|tell me|do you know|according to [^,]+,|per [^,]+,)\\s*,?\\s*)?(?:in|on|at|during|by|since|until|from|to|of|for)?\\s*';
/** A question frame after the lead, compiled once (detectKind runs for every question). */
const led = (body: string) => new RegExp(LEAD + body);
const KIND_FRAMES = {
  whenNoun: led(`(?:what|which) ${MOD}(?:${TIME_NOUNS})s?\\b`),
  when: led('when\\b'),
  howMuch: led(`how (?:many|much|${MEASURES})\\b`),
  byHowMuch: led('by how (?:much|many)\\b'),
  where: led('where\\b'),
  placeNoun: led(`(?:what|which) ${MOD}(?:${PLACE_NOUNS})\\b`),
  who: led('(?:who|whom|whose)\\b'),
  personNoun: led(`(?:what|which) ${MOD}${MOD}(?:${PERSON_NOUNS})\\b`),
  why: led('(?:why|how come)\\b'),
  whatHappens: led('what (?:happens|happened|will happen|would happen|can happen|could happen) (?:when|if|once|after|before|whenever)\\b'),
  worth: led("what(?:['’]s| (?:is|was|are|were|will be|would be))\\b.*\\bworth\\b"),
};

/** Detects the question kind and the answer type it expects from the question's words. */
export function detectKind(question: string): { kind: QuestionKind; expect: Expect } {
  const q = question.toLowerCase().replace(/^[^a-z0-9]+/, '');
  const f = KIND_FRAMES;
  if (f.whenNoun.test(q) || f.when.test(q) || /\bhow long ago\b/.test(q)) return { kind: 'when', expect: 'time' };
  if (f.howMuch.test(q) || f.byHowMuch.test(q)) return { kind: 'what', expect: 'number' };
  if (/^(?:in|to|from|at|into|within) (?:what|which) (?:country|nation)\b/.test(q)) return { kind: 'where', expect: 'place' };
  if (f.where.test(q) || f.placeNoun.test(q)) return { kind: 'where', expect: 'place' };
  if (f.who.test(q) || f.personNoun.test(q)) return { kind: 'who', expect: 'person' };
  if (f.why.test(q) || /^(?:for )?what (?:reason|caused|led to|motivated)\b/.test(q)) return { kind: 'why', expect: 'reason' };
  // "What happens when X": the event that follows X, not a time; its "when" joins a clause.
  if (f.whatHappens.test(q)) return { kind: 'what', expect: 'thing' };
  // "What is X worth": how much, in other words.
  if (f.worth.test(q)) return { kind: 'what', expect: 'number' };
  // A question word later in the sentence ("Putin was greeted by who?", "kim was in russia when exactly").
  const later = /\b(who|whom|when|where|why)\b/.exec(q)?.[1];
  if (later === 'when') return { kind: 'when', expect: 'time' };
  if (later === 'where') return { kind: 'where', expect: 'place' };
  if (later === 'why') return { kind: 'why', expect: 'reason' };
  if (later) return { kind: 'who', expect: 'person' };
  if (/\b(?:what|which) (?:yr|year)\b/.test(q)) return { kind: 'when', expect: 'time' };
  if (/\bhow many\b/.test(q)) return { kind: 'what', expect: 'number' };
  return { kind: 'what', expect: 'thing' };
}

/** A yes/no question about what the story says ("does the article say that …", "is it true that …"): the claim is what follows. */
const STORY_FRAME = /^(?:is it (?:true|the case|right|correct)|(?:does|did|do) (?:the |this |your )?(?:article|story|piece|report|text|it) (?:really )?(?:say|mention|claim|state|report|confirm|suggest)s?|(?:the|this) (?:article|story|piece|report|text) (?:says|said|states|stated|claims|claimed|reports|reported|mentions|mentioned|suggests|suggested))\s+(?:for sure\s+|for certain\s+|definitely\s+|clearly\s+)?(?:that\s+)?/i;
const SPEECH = /\b(said|say|says|saying|report(?:s|ed|ing)?|describ\w*|call(?:s|ed)?|claim\w*|announc\w*|told|tell|according|stated?|wrote|writes?|written|publish\w*|quot\w*|source|put out)\b/i;
const NEGATION = /\b(not|never|no|neither|nor|without|cannot)\b|n't\b/i;
const YES_NO = /^(?:did|does|do|is|was|are|were|has|have|had|can|could|will|would|should)\s+\S/i;
const AUX = '(?:did|does|do|has|have|had|will|would|can|could|should|is|was|are|were)';

/** The role of the wh-word: "who greeted X" asks the subject; "who did X greet" the object. */
function roleOf(q: string): Role {
  const s = q.toLowerCase();
  if (new RegExp(`^(?:who|whom|what|which(?: \\w+){0,2})\\s+${AUX}\\s+(?!been\\b)\\S+`).test(s)) {
    // "who was greeted", "what is X": passive or copula: the subject of the clause is not the one asked.
    if (new RegExp(`^\\S+(?: \\w+){0,2}\\s+(?:is|was|are|were)\\b`).test(s)) return new RegExp('\\b(?:is|was|are|were)\\s+\\w+ed\\b(?!\\s+by\\b)').test(s) ? 'object' : 'none';
    return 'object';
  }
  if (/^(?:who|which(?: \w+){0,2})\s+(?!is\b|was\b|are\b|were\b)\w+/.test(s)) return 'subject';
  return 'none';
}

/** The noun a "what/which/how many X" question asks about. */
function headOf(q: string, isVerb: (word: string) => boolean = () => false): string | undefined {
  const m = /\b(?:what|which|how many|how much)\s+(?:kind of |type of |sort of )?([\p{L}-]+)(?:\s+([\p{L}-]+))?/iu.exec(q);
  if (!m?.[1]) return undefined;
  const first = m[1].toLowerCase();
  if (/^(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|the|a|an|he|she|they|it)$/.test(first)) return undefined;
  const second = m[2]?.toLowerCase();
  // "which news agency": the head is the last noun of the pair.
  // "which newspaper ran …": a second word likeliest read as a verb is the question's verb, not its noun.
  const head = second && !STOPWORDS.has(second) && !/^(?:is|was|are|were|did|does|do|has|have|had)$/.test(second) && !/(?:ed|ing)$/.test(second) && !isVerb(second) ? second : first;
  return termsOf(head)[0];
}

/** Spells out the story's initialisms ("nk" → "North Korea") where the word is not itself a word of the story. */
function expandInitialisms(index: StoryIndex, text: string): string {
  if (!index.initialisms.size) return text;
  return text.replace(/(?<![\p{L}\p{N}])([\p{L}.]{2,6})(?![\p{L}\p{N}])/gu, (word: string, _: string, offset: number) => {
    const key = word.replace(/\./g, '').toLowerCase();
    const phrase = index.initialisms.get(key);
    if (!phrase) return word;
    // A lower-case function word ("us", "it") is an initialism only after "the" ("the us").
    const lowerWord = word === word.toLowerCase();
    if (lowerWord && STOPWORDS.has(key) && !/\bthe\s+$/i.test(text.slice(0, offset))) return word;
    if (index.vocabulary.has(termsOf(word)[0] ?? '') && !STOPWORDS.has(key)) return word;
    return phrase;
  });
}

/** Each story's text in lower case, words separated by single spaces: where a pair of its words is looked up. */
const storyText = new WeakMap<StoryIndex, string>();

/** The index terms of two consecutive story words that a word typed without its space joins ("superbowl" → super bowl). */
function joinedPair(index: StoryIndex, word: string): string[] {
  let text = storyText.get(index);
  if (!text) storyText.set(index, (text = ` ${index.story.paragraphs.join(' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `));
  for (let cut = 2; cut <= word.length - 2; cut++) {
    const a = word.slice(0, cut);
    const b = word.slice(cut);
    if (index.surface.has(a) && index.surface.has(b) && text.includes(` ${a} ${b} `)) return [...termsOf(a), ...termsOf(b)];
  }
  return [];
}

/** How far after a verb its particle may stand ("picked Putin up"): the verb, then up to two words, then the particle. */
const PARTICLE_REACH = 3;

/** The WordNet multi-word verb that starts at a question word ("puts out" → "puts out"), or null. */
function phrasalVerb(meaning: Meaning, tokens: readonly { token: string }[], at: number): string | null {
  const first = tokens[at]!.token.toLowerCase();
  if (!/^\p{L}+$/u.test(first)) return null;
  for (let j = at + 1; j < Math.min(tokens.length, at + 1 + PARTICLE_REACH); j++) {
    const phrase = `${first} ${tokens[j]!.token.toLowerCase()}`;
    if (meaning.isVerbPhrase(phrase)) return phrase;
  }
  return null;
}

/** Each story's figures, with the index terms of their words: worked out once per story. */
const storyFigures = new WeakMap<StoryIndex, { figure: Figure; terms: string[] }[]>();

/**
 * The story terms of the story's figures that a figure of the question agrees with, as written ("almost
 * 89k" → 88,966; "22 billion" → 22.1 billion): a figure typed loosely still finds the passage that gives it.
 */
function agreeingFigureTerms(index: StoryIndex, figure: Figure): string[] {
  let list = storyFigures.get(index);
  if (!list) {
    list = index.story.sentences.flatMap((s) => figuresIn(s.text).map((f) => ({ figure: f, terms: tokenizeWithOffsets(f.text).flatMap((t) => termsOf(t.token)) })));
    storyFigures.set(index, list);
  }
  return list.filter((x) => sameUnit(figure, x.figure) && agrees(figure, x.figure)).flatMap((x) => x.terms.filter((t) => /\d/.test(t)));
}

/**
 * The entities the question names by a word of their name alone, which no alias is ("biden" for Joe Biden): a
 * word of the story's names whose terms match the entity firmly. (A common word that only shares a stem with a
 * name, "reduced" with "Reducibility", names nothing.)
 */
function namedByPart(index: StoryIndex, terms: readonly QueryTerm[]): string[] {
  return terms.filter((t) => index.nameWords.has(t.token.toLowerCase()))
    .flatMap((t) => [...t.forms].filter(([f, c]) => f.startsWith(ENTITY_PREFIX) && c >= index.options.firmCredit).map(([f]) => f.slice(ENTITY_PREFIX.length)));
}

const pertainedMemo = new Memo<readonly string[]>(5_000);
/** The nouns a word's adjective reading pertains to (WordNet: "americans" → american → America), most likely first. */
function pertainedTo(word: string): readonly string[] {
  return pertainedMemo.get(word, () => [...new Set(wordnet.lemmas(word).flatMap((l) => wordnet.related(l.lemma, 'a', { maxSenses: 1, relations: ['pertainym'] }).map((r) => r.lemma)))]);
}

/** Reads a question against a story: its kind, content words, what of it the story knows. */
export function analyzeQuery(index: StoryIndex, rawText: string, forceKind?: QuestionKind): AnalyzedQuery {
  const text = rawText;
  // Links are not words of the question: they are echoed back (inert) but never matched.
  const written = expandInitialisms(index, normalizeCasual(text.replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ').replace(/\s+/g, ' ').trim(), (w) => index.nameWords.has(w)));
  // "Does the article say (for sure) that X", "is it true that X": a yes/no question about X itself.
  const asksStory = STORY_FRAME.exec(written);
  const normalized = asksStory && asksStory[0].length < written.length ? written.slice(asksStory[0].length) : written;
  const namedPerson = personNamedWords(normalized);
  const detected = personNamed(quantityAsked(detectKind(normalized), normalized), namedPerson);
  const kind = forceKind ?? detected.kind;
  const expect: Expect = forceKind && forceKind !== detected.kind
    ? ({ who: 'person', when: 'time', where: 'place', why: 'reason', what: detected.expect } as const)[forceKind]
    : detected.expect;
  const n = index.story.sentences.length;
  const idf = (df: number) => Math.log(1 + n / Math.max(df, 0.5));
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  // A name typed without its apostrophe ("dunhaven gazettes letter") still names the entity: the "s" is
  // read as a possessive for alias matching (same length, so offsets hold).
  const aliasText = normalized.replace(/([\p{L}]+)s(?![\p{L}])/gu, (w: string, stem: string) => (index.nameWords.has(stem.toLowerCase()) && !index.nameWords.has(w.toLowerCase()) ? `${stem}'` : w));
  const mentions = index.aliases.spans(aliasText);
  const lexicon = index.meaning;
  const whatFrame = /^\s*(?:\S+\s+){0,1}(?:what|which)\s/i.test(normalized);
  // "What is the name of X" asks for a name, as "what X" asks for an X: "the name of" is the frame too.
  const frameEnd = Math.max(/^\s*(?:\S+\s+){0,1}(?:what|which|how many|how much)\s+(?:[\w-]+\s+){1,4}?(?=(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could)\b)/i.exec(normalized)?.[0].length ?? 0,
    NAME_FRAME.exec(normalized)?.[0].length ?? 0);
  // The measure a "how old / how long / how far" question asks for: its adjective names the kind of answer, like a frame noun.
  const measure = MEASURE_AT.exec(normalized)?.[0].length;
  const tokens = joinCompounds(index, tokenizeWithOffsets(normalized));
  const figures = figuresIn(normalized);
  // The words that only qualify or scale a figure ("almost", "thousand"): the figure's own word stands for it.
  const modifiers = figureModifiers(normalized, figures);
  const pertained: string[] = [];
  for (const [at, { token, start }] of tokens.entries()) {
    const own = termsOf(token);
    if (!own.length || modifiers.has(start)) continue;
    const key = own[0]!;
    if (seen.has(key)) continue;
    seen.add(key);
    const forms = new Map<string, number>();
    let match: MatchKind | undefined;
    const add = (term: string, credit: number, how: MatchKind) => {
      if ((forms.get(term) ?? 0) < credit) forms.set(term, credit);
      if (!match || credit === 1) match = how;
    };
    for (const t of own) if (index.vocabulary.has(t)) add(t, 1, 'exact');
    // A word inside an alias ("North" of "North Korea") matches the entity wherever the story names it.
    for (const m of mentions) if (m.start <= start && start < m.end) for (const id of m.ids) add(ENTITY_PREFIX + id, 1, 'name');
    const lower = token.toLowerCase();
    // A name typed without its apostrophe ("putins", "natos").
    if (!forms.size && lower.endsWith('s') && lower.length > 3) for (const t of termsOf(lower.slice(0, -1))) if (index.vocabulary.has(t) && index.nameWords.has(lower.slice(0, -1))) add(t, 1, 'name');
    const english = lexicon.isWord(lower);
    // Close spellings of the story's own words, for a word that is not an English word (or is a rare one).
    if (!forms.size || (!english && ![...forms.values()].some((c) => c === 1))) {
      // An English word is a misspelling of another only within englishTypos edits.
      // A word that is no English word may have lost letters ("wensday"): the story word's allowance, when larger, is its own.
      const own = typoAllowance(lower);
      const lossy = !english && lower.length >= 4 && !/\d/.test(lower);
      if (own > 0 || lossy) {
        // forEach, not for…of: no entry array for each of the story's words, for each word looked for.
        index.surface.forEach((stems, surface) => {
          const allowance = english ? Math.min(own, index.options.englishTypos) : lossy ? Math.max(own, typoAllowance(surface)) : own;
          if (allowance === 0 || Math.abs(surface.length - lower.length) > allowance || surface[0] !== lower[0] && allowance < 2) return;
          if (damerau(lower, surface, allowance) > allowance) return;
          // An English word is never a misspelling of its own opposite ("decrease", "increase").
          if (english && lexicon.antonymsIn(lower, new Set(stems), true) !== null) return;
          for (const s of stems) add(s, 0.9, 'typo');
        });
      }
    }
    // Related words (WordNet: synonyms, derivations, pertainyms) that the story uses.
    for (const [term, credit] of lexicon.storyTermsFor(lower)) if (!forms.has(term)) add(term, credit, 'meaning');
    // A word that pertains to a place the story names, read as that place ("americans": American, of America,
    // which the story names the United States): a demonym, in any number. Not a word the story uses itself: its
    // "Russian" is its own word, and "a Russian newspaper" is not a Moscow one.
    if (!own.some((t) => index.vocabulary.has(t)) && ![...forms.keys()].some((f) => f.startsWith(ENTITY_PREFIX))) {
      for (const place of pertainedTo(lower)) for (const id of index.aliases.find(place)) { add(ENTITY_PREFIX + id, index.options.meaningCredits.pertainym, 'meaning'); if (!pertained.includes(id)) pertained.push(id); }
    }
    // A multi-word verb WordNet knows, its particle next to it or after a short object ("puts out",
    // "picked Putin up"): what the whole verb means to the story.
    const verb = phrasalVerb(lexicon, tokens, at);
    if (verb) for (const [term, credit] of lexicon.storyTermsFor(verb)) if ((forms.get(term) ?? 0) < credit) add(term, credit, 'meaning');
    // A misspelt English word ("arive"): the English words one edit away, through what they mean to the story.
    if (!forms.size && !english && lower.length >= 4 && /^\p{L}+$/u.test(lower)) {
      // The likeliest reading: the candidate that means the most to the story, then the commonest word.
      let chosen: { forms: Map<string, number>; score: number } | undefined;
      for (const candidate of oneEditAway(lower)) {
        if (!lexicon.isWord(candidate)) continue;
        const found = new Map<string, number>();
        for (const t of termsOf(candidate)) if (index.vocabulary.has(t)) found.set(t, 0.9);
        for (const [term, credit] of lexicon.storyTermsFor(candidate)) if ((found.get(term) ?? 0) < credit * 0.9) found.set(term, credit * 0.9);
        if (!found.size) continue;
        const score = Math.max(...found.values()) + 0.001 * lexicon.senseCount(candidate);
        if (!chosen || score > chosen.score) chosen = { forms: found, score };
      }
      for (const [term, credit] of chosen?.forms ?? []) add(term, credit, 'typo');
    }
    // A figure the story gives otherwise written, rounded or qualified ("almost 89 thousand" for 88,966): the story's figure.
    if (!forms.size && /\d/.test(token)) {
      const figure = figures.find((f) => f.start <= start && start < f.end);
      if (figure && (figure.bound !== 'exact' || figure.precision >= 1000)) for (const term of agreeingFigureTerms(index, figure)) add(term, 0.9, 'meaning');
    }
    // Two of the story's words typed as one ("superbowl" for "Super Bowl"): the pair, where the story has it.
    if (!forms.size && !english && lower.length >= 6) for (const term of joinedPair(index, lower)) add(term, 0.9, 'typo');
    // A letter or two typed in lower case that is no word and nothing of the story ("tp"): a slip, not a name.
    if (!forms.size && !english && lower.length <= 2 && token === lower && /^\p{L}+$/u.test(lower)) continue;
    // A word of a declared name (exact or misspelt) stands for the entities whose names hold it, when only one does.
    for (const [f, credit] of [...forms]) {
      const ids = index.nameParts.get(f);
      if (ids?.length === 1 && credit >= index.options.firmCredit) add(ids[0]!, credit, 'name');
    }
    const dfs = [...forms.keys()].map((f) => index.vocabulary.get(f) ?? 0);
    const known = dfs.some((df) => df > 0);
    const exactDf = own.map((t) => index.vocabulary.get(t) ?? 0).find((df) => df > 0);
    const df = exactDf ?? Math.max(0, ...dfs);
    const typedAsName = /^\p{Lu}/u.test(token) && start > 0;
    const figure = /\d/.test(token) && !/^\d{1,2}$/.test(token);
    // A word the story never uses is a name when it is no English word, is typed as one, or is one in
    // English even typed in lower case ("texas": WordNet's likeliest reading is a particular place).
    const salient = figure || index.nameWords.has(lower) || [...forms.keys()].some((f) => f.startsWith(ENTITY_PREFIX)) || (!known && (!english || typedAsName || lexicon.isNameFirst(lower)));
    // Words of the question's frame ("what day of the week", "which city") say what kind of answer is
    // wanted, not what it is about: they weigh little.
    // So does any noun of a "what/which" frame that the story never uses ("what expression did KCNA use"): it
    // names the kind of answer, which the passage need not name.
    const kindNoun = whatFrame && !index.vocabulary.has(key) && lexicon.isNounFirst(lower);
    const frame = ((FRAME_NOUNS.test(lower) || kindNoun) && start < frameEnd) || start === measure ? index.options.frameWeight : 1;
    // A very polysemous word ("take", "make") says little about what is asked.
    // (WordNet is asked only when the option can change the weight: this runs for every word of every question.)
    const light = index.options.lightWeight !== 1 && english && !salient && lexicon.senseCount(lower) >= index.options.lightSenses ? index.options.lightWeight : 1;
    // A word the story does not firmly have: a noun is likely a thing the story never mentions (rare); a
    // verb, adjective or adverb is often the reader's paraphrase, so it weighs like a middling word.
    const firm = [...forms.values()].some((c) => c >= index.options.firmCredit);
    const base = firm ? idf(df) : salient ? idf(0) : idf(index.options.paraphraseDf === 1 || lexicon.isNounFirst(lower) ? 1 : index.options.paraphraseDf);
    const weight = base * frame * light;
    terms.push({ token, start, forms, weight, known, salient, english, ...(match ? { match } : {}) });
  }
  const measureTerm = measure === undefined ? undefined : terms.find((t) => t.start === measure)?.token;
  // The question's own words, without a lead-in that sets whose account it is in: for its role, speech and gap.
  const own = withoutLead(normalized);
  return {
    text,
    normalized,
    kind,
    expect,
    head: headOf(normalized, (w) => lexicon.isVerbFirst(w)),
    role: roleOf(own),
    terms,
    entities: [...new Set([...index.aliases.find(aliasText), ...pertained, ...namedByPart(index, terms)])],
    speech: SPEECH.test(own),
    negated: NEGATION.test(normalized),
    yesNo: YES_NO.test(normalized) || normalized !== written,
    frame: terms.filter((t) => t.start < frameEnd).map((t) => t.token),
    ...(measureTerm ? { measure: measureTerm } : {}),
    ...gapField(own, lexicon),
    ...(namedPerson ? { namedPerson } : {}),
  };
}

/**
 * A compound the reader split that the story writes as one word ("quarter back" for its "quarterback",
 * "head quarters"): two neighbouring words, one of them not a word of the story, whose joined form is. The
 * joined word stands at the first one's place; a pair of words the story has both of is left alone.
 */
function joinCompounds(index: StoryIndex, tokens: { token: string; start: number }[]): { token: string; start: number }[] {
  const has = (word: string) => termsOf(word).some((t) => index.vocabulary.has(t));
  const out: { token: string; start: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1];
    const joined = b && /^\p{L}+$/u.test(a.token) && /^\p{L}+$/u.test(b.token) ? a.token + b.token : undefined;
    // Two content words: function words joined ("can not") say the same either way.
    if (joined && b && termsOf(a.token).length > 0 && termsOf(b.token).length > 0 && !(has(a.token) && has(b.token)) && has(joined)) {
      out.push({ ...a, token: joined });
      i++;
    } else out.push(a);
  }
  return out;
}

/** "What was the (final) score (of …)": the noun a copula question asks to be given. */
const COPULA_NOUN = /^\s*(?:\S+\s+)?what\s+(?:is|was|are|were)\s+the\s+(?:[\p{L}-]+\s+)?([\p{L}-]+)\s*(?:\?|$|\b(?:of|in|for|between|at|on)\b)/iu;

/** A "what" question about a noun that WordNet gives a sense as a quantity ("what was the final score of the game"): a figure answers it. */
function quantityAsked(detected: { kind: QuestionKind; expect: Expect }, normalized: string): { kind: QuestionKind; expect: Expect } {
  if (detected.expect !== 'thing') return detected;
  const noun = COPULA_NOUN.exec(normalized)?.[1]?.toLowerCase();
  const lemma = noun ? wordnet.lemmas(noun).find((l) => l.pos === 'n')?.lemma : undefined;
  const quantity = !!lemma && wordnet.senses(lemma, 'n').slice(0, 3).some((x) => x.lexFile === 'noun.quantity');
  return quantity ? { kind: 'what', expect: 'number' } : detected;
}

/** "What is the name of": a question's frame, asking for a name. */
const NAME_FRAME = /^\s*(?:\S+\s+)?what\s+(?:is|was|are|were)\s+the\s+names?\s+of\s/i;

/** "What is the name of the …": the words naming what is named. */
const NAMED_AFTER = /^\s*(?:\S+\s+)?what\s+(?:is|was|are|were)\s+the\s+names?\s+of\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+)?(.+)$/i;

/**
 * The words "what is the name of X" names X by, when X's head noun (WordNet's lemma: the last two words where
 * WordNet has them as one, "secretary general", else the last) is a person by its likeliest sense ("the NATO
 * secretary general", "Tesla's new partners"). X ends at a function word (a relative clause, a preposition) or
 * the question's verb.
 */
function personNamedWords(normalized: string): string | undefined {
  const m = NAMED_AFTER.exec(normalized);
  if (!m) return undefined;
  const words = m[1]!.replace(/[?.!]+\s*$/, '').split(/\s+/);
  let end = words.findIndex((w, i) => i > 0 && (FUNCTION_WORDS.has(w.toLowerCase()) || wordnet.lemmas(w.toLowerCase())[0]?.pos === 'v'));
  if (end < 0) end = words.length;
  const head = words.slice(0, end);
  const two = head.slice(-2).join(' ').toLowerCase();
  const lemma = (head.length > 1 ? wordnet.lemmas(two).find((l) => l.pos === 'n')?.lemma : undefined)
    ?? wordnet.lemmas(head.at(-1)!.toLowerCase()).find((l) => l.pos === 'n')?.lemma;
  return lemma && wordnet.senses(lemma, 'n')[0]?.lexFile === 'noun.person' ? m[1] : undefined;
}

/** A "what is the name of X" question where X is a person (personNamedWords): a person answers it. */
function personNamed(detected: { kind: QuestionKind; expect: Expect }, namedPerson: string | undefined): { kind: QuestionKind; expect: Expect } {
  return detected.expect === 'thing' && namedPerson ? { kind: 'what', expect: 'person' } : detected;
}

/** A lead-in that sets where the question looks ("according to putin,", "per the op-ed,", "in the statement,"): not the question's own words. */
const ACCOUNT_LEAD = /^\s*(?:according to|per|in|from)\s+[^,?]{1,60},\s*(?=(?:who|whom|whose|what|which|when|where|why|how)\b)/i;

/** The question without such a lead-in: its own word order, for its role and gap. */
function withoutLead(normalized: string): string {
  return normalized.replace(ACCOUNT_LEAD, '');
}

/** The question's gap, when its word order shows one. */
function gapField(normalized: string, meaning: Meaning): { gap?: Gap } {
  const gap = gapOf(normalized, (w) => meaning.isVerbFirst(w));
  return gap ? { gap } : {};
}

/**
 * Whether a question word makes one WordNet multi-word lemma with the word before or after it ("last" in
 * "last name", "question" in "in question"), in one of the given parts of speech (any when none given).
 */
export function inExpression(meaning: Meaning, query: AnalyzedQuery, token: string, pos?: readonly Pos[]): boolean {
  const words = query.normalized.toLowerCase().split(/[^\p{L}'-]+/u);
  const at = words.indexOf(token.toLowerCase());
  if (at < 0) return false;
  const phrases = [at > 0 ? `${words[at - 1]} ${words[at]}` : '', at + 1 < words.length ? `${words[at]} ${words[at + 1]}` : ''];
  return phrases.some((p) => p && meaning.expressionPos(p).some((x) => !pos || pos.includes(x)));
}

/** The question's words about what it asks, as opposed to the names in it (people, places, figures). */
export function predicateTerms(query: AnalyzedQuery): QueryTerm[] {
  return query.terms.filter((t) => !t.salient && t.token !== query.measure && ![...t.forms.keys()].some((f) => f.startsWith(ENTITY_PREFIX)));
}
