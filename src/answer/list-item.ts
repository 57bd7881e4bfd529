import { lexicon } from '../lexicon/index.ts';
import type { StoryIndex } from '../search/index.ts';
import { ENTITY_PREFIX, termsOf } from '../text/terms.ts';
import type { Span } from '../text/analyze.ts';
import { predicateTerms, type AnalyzedQuery, type QueryTerm } from './query.ts';

/**
 * What joins the items of a list: a comma, "and", "or", or a comma before either; a word or two after it may be
 * the next item's own, where the parser left them out of its phrase ("…, honor guards": "honor" read as a verb).
 */
const JOINER = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)((?:[\p{L}-]+\s+){0,2})$/u;

/** Whether a word may be part of a noun phrase: WordNet has it as a noun or an adjective ("honor", not "to"). */
const mayName = (word: string) => termsOf(word).length > 0 && lexicon.lemmas(word.toLowerCase()).some((l) => l.pos === 'n' || l.pos === 'a');

/**
 * The lists of a sentence: runs of noun phrases joined by commas, "and" or "or", with at least `minItems`
 * items ("one-on-one discussions, a gala concert, a state reception … and a media statement").
 */
export function listsIn(sentence: string, spans: readonly Span[], minItems: number): Span[][] {
  const nouns = spans.filter((s) => s.kind === 'noun').sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[][] = [];
  let run: Span[] = [];
  const close = () => { if (run.length >= minItems) out.push(run); run = []; };
  // The item after "and" or "or" is the last: ", the organisers said" that follows is no item.
  let ended = false;
  for (const s of nouns) {
    const last = run.at(-1);
    if (last && s.start < last.end) continue;
    const joined: RegExpExecArray | null = last && !ended ? JOINER.exec(sentence.slice(last.end, s.start)) : null;
    const bridged = joined?.[1] ?? '';
    if (joined && bridged.trim().split(/\s+/).every((w: string) => !w || mayName(w))) {
      run.push(bridged ? { ...s, start: s.start - bridged.length, text: sentence.slice(s.start - bridged.length, s.end) } : s);
    } else { close(); run = [s]; }
    ended = /\b(?:and|or)\s/i.test(joined?.[0] ?? '') || /^(?:and|or)\s/i.test(s.text);
  }
  close();
  return out;
}

/** A sentence's lists of things: no item holds a name, and no "or" joins them (see asksWithinList). */
function listsOfThings(index: StoryIndex, sentenceIndex: number, minItems: number): Span[][] {
  const sentence = index.story.sentences[sentenceIndex]!.text;
  const words = index.analyses[sentenceIndex]!.words;
  return listsIn(sentence, index.analyses[sentenceIndex]!.spans, minItems).filter((items) =>
    !/\bor\b/i.test(sentence.slice(items[0]!.start, items.at(-1)!.end))
    && !words.some((w) => w.start >= items[0]!.start && w.end <= items.at(-1)!.end && w.tags.includes('ProperNoun')));
}

/** The sentence's words (by position) that firmly match one of the terms, leaving names aside. */
function matchedWords(index: StoryIndex, sentenceIndex: number, terms: readonly QueryTerm[]): number[] {
  const wordTerms = index.wordTerms[sentenceIndex]!;
  const firm = index.options.firmCredit;
  return wordTerms.flatMap((forms, i) => (terms.some((t) => forms.some((x) => !x.startsWith(ENTITY_PREFIX) && (t.forms.get(x) ?? 0) >= firm)) ? [i] : []));
}

/**
 * How many things a passage lists, for a "how many" question it gives no figure for: "how many things were on
 * the itinerary" against "the itinerary included one-on-one discussions, a gala concert, … and a media
 * statement" → 6. Only when the sentence has one list of things, and the question's words stand outside it (they
 * say what the list is of); a question about one of the items is not answered by counting them all.
 */
export function listCount(index: StoryIndex, sentenceIndex: number, query: AnalyzedQuery): number | null {
  const minItems = Math.max(2, index.options.listItems);
  if (index.options.listItems <= 0 || query.expect !== 'number' || !/\bhow many\b/i.test(query.normalized)) return null;
  const lists = listsOfThings(index, sentenceIndex, minItems);
  if (lists.length !== 1) return null;
  const items = lists[0]!;
  const words = index.analyses[sentenceIndex]!.words;
  const at = matchedWords(index, sentenceIndex, predicateTerms(query).filter((t) => !t.salient));
  if (!at.length || at.some((i) => words[i]!.start >= items[0]!.start && words[i]!.end <= items.at(-1)!.end)) return null;
  return items.length;
}

/**
 * Whether everything the question asks about stands inside one item of a list in the passage: "what
 * documents did they sign" against "the itinerary included …, document signings, and a media statement".
 * The question is about that item (what was signed), which the list only names; the list answers another
 * question ("what was on the itinerary"). Names do not count: a list of who took part is still about them.
 * A question of when, where or how many is left alone: the list's sentence may set those for every item ("the
 * itinerary for the day included …"); who did it, what it held and why, it does not say.
 */
export function asksWithinList(index: StoryIndex, sentenceIndex: number, query: AnalyzedQuery): boolean {
  const minItems = index.options.listItems;
  if (minItems <= 0 || query.expect === 'time' || query.expect === 'place' || query.expect === 'number') return false;
  const words = index.analyses[sentenceIndex]!.words;
  // A list of things: no item holds a name ("Emperor Gegeen Khan, Ayurbarwada's son and successor" is one man), and
  // no "or", which also gives another name for the same thing ("the chloroplastidan, or green chloroplast lineage").
  const lists = listsOfThings(index, sentenceIndex, minItems);
  if (!lists.length) return false;
  // Where each asked-about word stands in the sentence (firmly matched; words the sentence lacks are left out).
  const asked = predicateTerms(query).filter((t) => !t.salient)
    .map((t) => new Set(matchedWords(index, sentenceIndex, [t]))).filter((at) => at.size > 0);
  if (!asked.length) return false;
  const anyMatched = new Set(matchedWords(index, sentenceIndex, query.terms));
  // One item holds every one of them, and has nothing else to say: its every content word is the question's. A
  // word may match elsewhere too ("say" the "state" of "a state reception" as well as "a media statement").
  return lists.some((items) => items.some((item) => {
    const inside = words.flatMap((w, i) => (w.start >= item.start && w.end <= item.end ? [i] : []));
    return asked.every((at) => inside.some((i) => at.has(i))) && inside.every((i) => !termsOf(words[i]!.text).length || anyMatched.has(i));
  }));
}
