import * as chrono from 'chrono-node/en';
import nlp from 'compromise';
import { termsOf, tokenize } from '../text/terms.ts';
import { predicateTerms, type AnalyzedQuery, type Expect } from './query.ts';

/** A possible short answer inside a sentence. */
interface Span {
  text: string;
  start: number;
  /** How well its type fits what the question wants. */
  fit: number;
}

const YEAR = /\b(?:(?:early|late|mid)[ -])?(?:1[0-9]{3}|20[0-9]{2})s?\b/g;
const DURATION = /\b(?:(?:nearly|almost|about|around|over|more than|less than|some|roughly) )?\d[\d,.]*\s+(?:years?|months?|weeks?|days?|hours?|decades?|centuries)\b/gi;
const RELATIVE = /\b(?:(?:early|late) )?(?:last|next|this|previous|the following|the previous) (?:year|month|week|decade|century|spring|summer|autumn|fall|winter|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\b(?:early|late) (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day) (?:morning|afternoon|evening|night)\b/gi;
const NUMBER = /(?:[$€£¥]\s?)?\b\d[\d,.]*(?::\d\d)?(?:[–-]\d[\d,.]*)?(?:\s?(?:%|percent|per cent|million|billion|thousand|hundred|km|miles?|metres?|meters?|feet|kg|tons?|tonnes?|people|points?|years?|months?|days?))?/gi;
const REASON = /\b(?:because(?: of)?|due to|as a result of|owing to|in order to|so that|since|for)\b\s+([^.;]+)/i;

function collect(re: RegExp, text: string, fit: number, out: Span[]): void {
  for (const m of text.matchAll(re)) out.push({ text: m[0].trim(), start: m.index ?? 0, fit });
}

function fromNlp(list: { text: string }[], sentence: string, fit: number, out: Span[]): void {
  for (const item of list) {
    const text = item.text.replace(/^[\s"'“‘(]+|[\s"'”’),.;:!?]+$/g, '');
    const start = sentence.indexOf(text);
    if (text && start >= 0) out.push({ text, start, fit });
  }
}

function spansFor(expect: Expect, sentence: string, head: string | undefined): Span[] {
  const out: Span[] = [];
  const doc = nlp(sentence);
  const json = (view: { json: () => unknown }) => view.json() as { text: string }[];
  if (expect === 'person') {
    fromNlp(json(doc.people()), sentence, 3, out);
    fromNlp(json(doc.organizations()), sentence, 2.5, out);
    fromNlp(json(doc.match('#ProperNoun+')), sentence, 2, out);
    fromNlp(json(doc.places()), sentence, 1.5, out);
    fromNlp(json(doc.nouns()), sentence, 0.5, out);
  } else if (expect === 'time') {
    for (const r of chrono.parse(sentence)) out.push({ text: r.text, start: r.index, fit: 3 });
    collect(RELATIVE, sentence, 3, out);
    collect(YEAR, sentence, 2.5, out);
    collect(DURATION, sentence, 2, out);
  } else if (expect === 'place') {
    fromNlp(json(doc.places()), sentence, 3, out);
    fromNlp(json(doc.match('(in|at|to|from|near|into) the? #ProperNoun+').not('(in|at|to|from|near|into|the)')), sentence, 2.5, out);
    fromNlp(json(doc.match('#ProperNoun+')), sentence, 1.5, out);
    fromNlp(json(doc.match('(in|at|to|from|near|into) [#Noun+]', 0)), sentence, 1, out);
  } else if (expect === 'number') {
    // A figure right before the noun asked about ("136 career sacks" for "how many career sacks") fits best.
    if (head) collect(new RegExp(`\\b(?:\\d[\\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)(?=(?:\\s+[\\w-]+){0,2}?\\s+${head.replace(/[^a-z0-9]/g, '')}\\w*)`, 'gi'), sentence, 4, out);
    collect(DURATION, sentence, 3.2, out);
    collect(NUMBER, sentence, 3, out);
    fromNlp(json(doc.numbers()), sentence, 2.5, out);
    // "How many" wants a count, not a rank: drop ordinals ("first", "21st").
    for (let i = out.length - 1; i >= 0; i--) if (/^(?:first|second|third|\w+th|\d+(?:st|nd|rd|th))$/i.test(out[i]!.text)) out.splice(i, 1);
  } else if (expect === 'reason') {
    const m = REASON.exec(sentence);
    if (m?.[1]) out.push({ text: m[1].trim(), start: (m.index ?? 0) + m[0].indexOf(m[1]), fit: 3 });
  } else {
    fromNlp(json(doc.nouns()), sentence, 1.5, out);
    fromNlp(json(doc.match('#ProperNoun+')), sentence, 1.2, out);
    collect(NUMBER, sentence, 0.8, out);
  }
  return out;
}

/**
 * Offsets in a sentence of the question's words: of what it asks about (words other than names) when the
 * sentence has any, since names recur everywhere; else of all its words.
 */
function queryPositions(sentence: string, query: AnalyzedQuery): number[] {
  const find = (terms: AnalyzedQuery['terms']) => {
    const forms = new Set(terms.flatMap((t) => [...t.forms]));
    const positions: number[] = [];
    for (const m of sentence.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
      if (termsOf(m[0]).some((t) => forms.has(t))) positions.push(m.index ?? 0);
    }
    return positions;
  };
  const about = find(predicateTerms(query));
  return about.length ? about : find(query.terms);
}

/** The noun a "what/which/how many X" question asks about: an answer may repeat it ("UN sanctions", "25 years"). */
function headNoun(question: string): string | undefined {
  const m = /\b(?:what|which|how many|how much)\s+([\p{L}-]+)/iu.exec(question);
  return m ? termsOf(m[1]!)[0] : undefined;
}

/** Share of a span's content words that the question already uses (an answer should add something new). */
function overlap(span: string, query: AnalyzedQuery): number {
  const head = headNoun(query.text);
  const forms = new Set(query.terms.flatMap((t) => [...t.forms]).filter((f) => f !== head));
  const words = tokenize(span).map((t) => termsOf(t)).filter((t) => t.length);
  if (!words.length) return 1;
  return words.filter((w) => w.some((t) => forms.has(t))).length / words.length;
}

/**
 * Extracts a short answer of the expected type from a sentence: candidates come from compromise (people,
 * organisations, places, nouns), chrono-node and patterns (times, numbers, reasons); a candidate must add
 * words the question does not already have; the best fits the type and sits nearest the question's words.
 */
export function extractAnswer(sentence: string, query: AnalyzedQuery): string | null {
  const spans = spansFor(query.expect, sentence, headNoun(query.text));
  if (!spans.length) return null;
  const positions = queryPositions(sentence, query);
  let best: { span: Span; score: number } | null = null;
  for (const span of spans) {
    const o = overlap(span.text, query);
    if (o >= 1 || span.text.length > 150) continue;
    // Distance to the nearest question word, in characters from either end of the span: a penalty of one
    // per ~60 characters, at most two.
    const end = span.start + span.text.length;
    const gap = positions.length ? Math.min(...positions.map((p) => (p < span.start ? span.start - p : p > end ? p - end : 0))) : 60;
    const distance = Math.min(gap / 60, 2);
    const score = span.fit - 1.5 * o - distance;
    if (!best || score > best.score) best = { span, score };
  }
  if (!best) return null;
  // Tidy the span: no leading article for things, no possessive or trailing punctuation ("Manning's" → "Manning").
  return best.span.text
    .replace(/^(?:the|a|an)\s+/i, (m) => (query.expect === 'thing' ? '' : m))
    .replace(/['’]s?$/, '')
    .replace(/[.,;:]+$/, '');
}
