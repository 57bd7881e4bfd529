import * as chrono from 'chrono-node/en';
import { lexicon } from '../lexicon/index.ts';
import { Memo } from '../memo.ts';
import { nlp } from './nlp.ts';

/**
 * What answering needs to know about each sentence, computed once per story (at index build): its words
 * with part-of-speech tags, and the typed spans a short answer can be (people, organisations, places,
 * times, figures, names, noun phrases, quotations, reasons). Parsing is done once per paragraph with
 * compromise and chrono-node; nothing here runs per question.
 */

/** What a span can answer. */
export type SpanKind = 'person' | 'organisation' | 'place' | 'time' | 'number' | 'name' | 'noun' | 'quote' | 'reason';

/** A candidate short answer inside a sentence; offsets are relative to the sentence text. */
export interface Span {
  start: number;
  end: number;
  text: string;
  kind: SpanKind;
}

/** One word of a sentence with its tags (compromise's: Noun, Verb, ProperNoun, Person, Place, Value…). */
export interface Word {
  start: number;
  end: number;
  text: string;
  tags: string[];
}

/** A sentence, analysed. */
export interface SentenceAnalysis {
  words: Word[];
  spans: Span[];
}

interface NlpTerm { text: string; tags: string[]; offset: { start: number; length: number } }
interface NlpMatch { text: string; offset: { start: number; length: number } }

const YEAR = /\b(?:(?:early|late|mid)[ -])?(?:1[0-9]{3}|20[0-9]{2})s?\b/g;
const DURATION = /\b(?:(?:nearly|almost|about|around|over|more than|less than|some|roughly|just|only) )?(?:\d[\d,.]*|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|many)\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries)\b/gi;
const RELATIVE = /\b(?:(?:early|late) )?(?:last|next|this|previous|the following|the previous|the same|that) (?:year|month|week|decade|century|spring|summer|autumn|fall|winter|day|morning|evening|night|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\b(?:early|late) (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?: (?:morning|afternoon|evening|night))?\b|\b(?:yesterday|today|tonight|tomorrow)\b|\b(?:in|within|for) (?:hours|days|weeks|months|years|decades)\b|\bwithin hours\b/gi;
const ORDINAL_TIME = /\b(?:the )?\d+(?:st|nd|rd|th) (?:minute|hour|day|week|month|year|century|round|lap|inning|quarter|period)\b|\b(?:first|second|third|fourth|final|last) (?:half|quarter|period|round|minute|seconds)\b/gi;
const ORDINAL_WORDS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first';
/** "the nineteenth century", "the early 20th century". */
const CENTURY = new RegExp(`\\b(?:the )?(?:(?:early|late|mid)[ -])?(?:\\d{1,2}(?:st|nd|rd|th)|${ORDINAL_WORDS})[ -]century\\b`, 'gi');
/** "around a billion years ago", "two decades ago". */
const AGO = /\b(?:(?:about|around|some|nearly|almost|roughly|over|more than) )?(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|a few)(?: (?:hundred|thousand|million|billion))? (?:years?|months?|weeks?|days?|decades?|centuries) ago\b/gi;
const NUMBER = /(?:[$€£¥]\s?)?\b\d[\d,.]*(?::\d\d)?(?:\s?[–-]\s?\d[\d,.]*)?(?:\s?(?:%|percent|per cent|million|billion|trillion|thousand|hundred|km|miles?|metres?|meters?|feet|kg|tons?|tonnes?|points?|cents?))?(?:\s(?:people|per share))?/gi;
const SPELLED = /(?<![\w-])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozens?|hundreds|thousands|millions|billions)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million|billion))*(?![\w-])/gi;
/** "six-time Grammy winner": how many times. */
const TIMES = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-times?\b/gi;
/** Where a clause ends: before a participle, relative or contrasting clause after a comma, or at a full stop or semicolon. */
const CLAUSE_BREAK = String.raw`,\s+(?:[a-z]+ing|which|who|whose|while|but|although|though|whereas)\b|[.;]`;
/** A reason or purpose, up to the end of its clause (CLAUSE_BREAK). */
const REASON = new RegExp(String.raw`\b(?:because(?: of)?|due to|as a result of|owing to|in order to|so that|so as to|thanks to|in exchange for|in return for|for)\s+([^.;]+?)(?=${CLAUSE_BREAK}|$)`, 'gi');
/** A clause that sets when something happens ("occurs when the immune system is less active"), up to the next comma or the end of the sentence. */
const WHEN_CLAUSE = /\b(?:when|whenever|as soon as)\s+[^.;,]+/gi;
/** A participle clause after the main one ("…, solidifying ties with Kim"): what the action brought or was for. */
const RESULT = /,\s+((?:further |thereby |so )?[a-z]+ing\b[^.;,]+)/g;
/** The next clause break from `lastIndex` on (CLAUSE_BREAK). */
const CLAUSE_END = new RegExp(CLAUSE_BREAK, 'g');
/** Prepositions that give what a feeling is about ("concerns regarding …", "apprehensions about …"). */
const ABOUT = /^(?:about|over|regarding|concerning)$/i;
const motiveMemo = new Memo<'feeling' | 'goal' | null>(20_000);

/**
 * What a word names, as WordNet has it, when it introduces a reason: a feeling or emotion (noun.feeling,
 * verb.emotion in its likeliest senses: "concern", "fear", "worried"), whose object is what it is about;
 * or a goal ("goal", "aim", "purpose": kinds of goal), whose complement is what is aimed at.
 */
function motiveOf(word: string): 'feeling' | 'goal' | null {
  const w = word.toLowerCase();
  return motiveMemo.get(w, () => {
    for (const l of lexicon.lemmas(w)) {
      const first = lexicon.senses(l.lemma, l.pos).slice(0, 4);
      if (first.some((x) => x.lexFile === 'noun.feeling' || x.lexFile === 'verb.emotion')) return 'feeling';
      if (l.pos === 'n' && lexicon.isA(l.lemma, 'goal', 'n', 2)) return 'goal';
    }
    return null;
  });
}

/** Reasons given by a feeling's object ("apprehensions about the increased cooperation") or a goal's complement ("goal to develop a new order"). */
function collectMotives(text: string, words: readonly Word[], out: Span[]): void {
  words.forEach((w, i) => {
    const motive = motiveOf(w.text);
    if (!motive) return;
    // The preposition right after the word: "apprehensions about …", "goal to develop …".
    const p = words[i + 1];
    const from = words[i + 2]?.start;
    if (!p || from === undefined || !(motive === 'feeling' ? ABOUT.test(p.text) : /^(?:to|of)$/i.test(p.text))) return;
    CLAUSE_END.lastIndex = from;
    const end = CLAUSE_END.exec(text)?.index ?? text.length;
    push(out, text, from, end, 'reason');
  });
}

const QUOTE = /["“]([^"”]{2,})["”]/g;

function collect(re: RegExp, text: string, kind: SpanKind, out: Span[], group = 0): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const part = m[group];
    if (!part) continue;
    const start = m.index + m[0].indexOf(part);
    push(out, text, start, start + part.length, kind);
    if (m[0].length === 0) re.lastIndex++;
  }
}

/** Trims punctuation and leading "the"-less quotes off a span and records it. */
function push(out: Span[], text: string, start: number, end: number, kind: SpanKind): void {
  let s = start;
  let e = end;
  while (s < e && /[\s"'“”‘’(,;:]/.test(text[s]!)) s++;
  while (e > s && /[\s"'“”‘’),.;:!?]/.test(text[e - 1]!)) e--;
  // A possessive belongs to the name, not the span: "Russia's" → "Russia".
  if (/['’]s$/.test(text.slice(s, e)) && kind !== 'quote' && kind !== 'reason') e -= 2;
  if (e <= s) return;
  out.push({ start: s, end: e, text: text.slice(s, e), kind });
}

/**
 * Analyses one paragraph: compromise parses it once; its words and named spans are then given to the
 * sentences (by offset) that hold them. `sentences` are offsets of the paragraph's sentences.
 */
export function analyzeParagraph(paragraph: string, sentences: readonly { start: number; end: number }[], reference?: Date): SentenceAnalysis[] {
  const doc = nlp(paragraph);
  const terms = (doc.json({ offset: true, text: true }) as { terms: NlpTerm[] }[]).flatMap((s) => s.terms);
  const named = (view: { json: (o: object) => unknown }, kind: SpanKind) => (view.json({ offset: true }) as NlpMatch[]).map((m) => ({ ...m, kind }));
  const all = [
    ...named(doc.people(), 'person'),
    ...named(doc.organizations(), 'organisation'),
    ...named(doc.places(), 'place'),
    ...named(doc.match('#ProperNoun+'), 'name'),
    ...named(doc.nouns(), 'noun'),
    ...named(doc.match('#Value+'), 'number'),
  ];
  return sentences.map(({ start, end }) => {
    const text = paragraph.slice(start, end);
    const words: Word[] = terms
      .filter((t) => t.offset.start >= start && t.offset.start < end)
      .map((t) => {
        const s = t.offset.start - start;
        // compromise's term text may carry trailing punctuation; keep only the word.
        const raw = paragraph.slice(t.offset.start, t.offset.start + t.offset.length);
        const word = /[\p{L}\p{N}](?:.*[\p{L}\p{N}])?/u.exec(raw)?.[0] ?? raw;
        const at = s + raw.indexOf(word);
        return { start: at, end: at + word.length, text: word, tags: t.tags };
      });
    const spans: Span[] = [];
    for (const m of all) {
      if (m.offset.start < start || m.offset.start >= end) continue;
      const s = m.offset.start - start;
      const e = Math.min(s + m.offset.length, text.length);
      // A list ("talks, a concert, and a statement") is its items, each a candidate of its own.
      const body = text.slice(s, e);
      if (m.kind === 'noun' && /,|\band\b|\bor\b/.test(body)) {
        let at = s;
        for (const part of body.split(/(,\s*(?:and|or)\s+|,\s*|\s+(?:and|or)\s+)/)) {
          if (part && !/^(?:,\s*(?:and|or)\s+|,\s*|\s+(?:and|or)\s+)$/.test(part)) push(spans, text, at, at + part.length, m.kind);
          at += part.length;
        }
        continue;
      }
      push(spans, text, s, e, m.kind);
    }
    for (const r of chrono.parse(text, reference)) push(spans, text, r.index, r.index + r.text.length, 'time');
    collect(RELATIVE, text, 'time', spans);
    collect(ORDINAL_TIME, text, 'time', spans);
    collect(YEAR, text, 'time', spans);
    collect(CENTURY, text, 'time', spans);
    collect(AGO, text, 'time', spans);
    collect(WHEN_CLAUSE, text, 'time', spans);
    collect(DURATION, text, 'number', spans);
    collect(NUMBER, text, 'number', spans);
    collect(SPELLED, text, 'number', spans);
    collect(TIMES, text, 'number', spans, 1);
    collect(REASON, text, 'reason', spans, 1);
    collect(RESULT, text, 'reason', spans, 1);
    collectMotives(text, words, spans);
    collect(QUOTE, text, 'quote', spans, 1);
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    return { words, spans: dedupe(spans) };
  });
}

function dedupe(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.start}:${s.end}:${s.kind}`;
    if (seen.has(key) || !/[\p{L}\p{N}]/u.test(s.text)) return false;
    seen.add(key);
    return true;
  });
}
