import { stemmer } from 'stemmer';
import { Memo } from '../memo.ts';
import { PHRASAL } from './paraphrase.ts';

/** Prefix of the tokens that stand for a story entity (added from the alias table, never stemmed). */
export const ENTITY_PREFIX = 'entity:';

/** English function words and question words: they carry no content for matching. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (`a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
  our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up very was we were what when where which while who whom whose why
  will with would you your yours yourself yourselves also ever many much may might must shall upon via per yet
  whats who's what's where's when's how's there's it's does doesn't didn't isn't wasn't s t d ll m re ve one's
  reportedly allegedly supposedly apparently actually really please tell know
  kind kinds type types sort name named happen happened happens thing things something example term last
  since despite amid amidst among amongst across along behind beneath beside besides beyond inside outside throughout
  till toward towards underneath unlike within whereas although though unless whether whenever wherever whoever
  whatever whichever someone somebody anyone anybody anything everyone everybody everything another either neither
  every ought oneself`).split(/\s+/),
);

/**
 * Text that NFKC leaves as it is and whose words are ASCII once normalised: ASCII, and the dashes and
 * quotes that `normalizeText` turns into ASCII (U+2011 is NFKC's U+2010, a dash either way). Most text is,
 * and skipping NFKC and the Unicode word classes for it makes tokenizing several times faster.
 */
const PLAIN = /^[\x00-\x7F\u2010-\u2015\u2018-\u201F]*$/;
/** Text with nothing for `normalizeText` to do. */
const ASCII = /^[\x00-\x7F]*$/;

/** Normalises typography so that the article and a typed question compare equal: quotes, dashes, width. */
export function normalizeText(text: string): string {
  return normalized(text, PLAIN.test(text));
}

/** `normalizeText`, told whether the text is PLAIN (so that tokenizing tests it once). */
function normalized(text: string, plain: boolean): string {
  if (plain && ASCII.test(text)) return text;
  return (plain ? text : text.normalize('NFKC'))
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

const TOKEN = new RegExp(`${ENTITY_PREFIX}[a-z0-9-]+|[\\p{L}\\p{N}]+(?:['-][\\p{L}\\p{N}]+)*`, 'gu');
/** TOKEN for PLAIN text, whose letters and digits are ASCII: the same matches. */
const PLAIN_TOKEN = new RegExp(`${ENTITY_PREFIX}[a-z0-9-]+|[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*`, 'g');

/** The tokens of a text (phrasal verbs read as one word), and their offsets in the normalised text when asked. */
function tokensOf(text: string, offsets?: number[]): string[] {
  const plain = PLAIN.test(text);
  const normal = normalized(text, plain);
  const re = plain ? PLAIN_TOKEN : TOKEN;
  const tokens: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(normal); m; m = re.exec(normal)) {
    tokens.push(m[0]);
    offsets?.push(m.index);
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    const phrasal = PHRASAL.get(tokens[i]!.toLowerCase());
    if (phrasal && tokens[i + 1]!.toLowerCase() === phrasal.next) tokens[i] = phrasal.as;
  }
  return tokens;
}

/** Splits text into word tokens, each with its offset in the normalised text; phrasal verbs read as one word. */
export function tokenizeWithOffsets(text: string): { token: string; start: number }[] {
  const offsets: number[] = [];
  return tokensOf(text, offsets).map((token, i) => ({ token, start: offsets[i]! }));
}

/** Splits text into word tokens (hyphenated and apostrophised words stay whole; entity tokens pass through). */
export function tokenize(text: string): string[] {
  return tokensOf(text);
}

/** Stems one lower-case word (possessive removed). */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/'s$|'$/, '');
  return /^\d+$/.test(w) ? w : stemmer(w);
}

/** A first part that negates what follows it in a hyphenated word. */
const NEGATING_PART = /^(?:non|un)-/;

/**
 * Turns one token into the terms it is indexed and searched under: the stem, and its parts when hyphenated
 * ("multi-polar" → multipolar, multi, polar). Stopwords give nothing. Related words (synonyms,
 * derivations) are not terms: the story's meaning map (src/text/meaning.ts) links them at query time.
 */
export function termsOf(token: string): readonly string[] {
  return termsMemo.get(token, () => Object.freeze(termsOfToken(token)));
}

/** termsOf's results by token, bounded, so a word met again (at start-up, in every story, in every question) costs one look-up. */
const termsMemo = new Memo<readonly string[]>(50_000);

function termsOfToken(token: string): string[] {
  if (token.startsWith(ENTITY_PREFIX)) return [token];
  const lower = token.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/'s$|'$/, '');
  if (STOPWORDS.has(lower)) return [];
  const out = new Set<string>();
  const joined = lower.replace(/['-]/g, '');
  if (joined.length > 0) out.add(stem(joined));
  // Its parts too ("multi-polar": polar), unless the first negates the rest ("non-binary" is no "binary").
  if (/[-]/.test(lower) && !NEGATING_PART.test(lower)) for (const part of lower.split('-')) if (part && !STOPWORDS.has(part)) out.add(stem(part));
  return [...out];
}

/** Content tokens of a text: tokens that are not stopwords. */
export function contentTokens(text: string): string[] {
  return tokenize(text).filter((t) => termsOf(t).length > 0);
}

/**
 * Bounded Damerau-Levenshtein distance (optimal string alignment: a swap of two neighbouring letters,
 * "nroth" for "north", counts as one edit). Returns max+1 as soon as the distance must exceed max.
 */
export function damerau(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  // Three rolling rows (two back, one back, this one) at offsets into one buffer, reused between calls: no
  // allocation per call (not even subarray views: this runs for every story word, for every word looked for).
  if (rowBuffer.length < 3 * width) rowBuffer = new Int32Array(3 * width * 2);
  const row = rowBuffer;
  let before = 0;
  let prev = width;
  let cur = 2 * width;
  for (let j = 0; j < width; j++) row[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[cur] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(row[prev + j]! + 1, row[cur + j - 1]! + 1, row[prev + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, row[before + j - 2]! + 1);
      row[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const spare = before;
    before = prev;
    prev = cur;
    cur = spare;
  }
  return row[prev + b.length]!;
}
let rowBuffer = new Int32Array(192);

/** Bounded Levenshtein distance: returns max+1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** How many typos a term of this length may carry: none for short words, so "war" never matches "car". */
export function typoAllowance(term: string): number {
  if (term.startsWith(ENTITY_PREFIX) || /\d/.test(term)) return 0;
  return term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0;
}
