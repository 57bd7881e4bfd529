/** A sentence of a paragraph, with its character offsets in the paragraph text. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'pres',
  'rev', 'hon', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'no', 'vol', 'fig', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'est', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m', 'c', 'ca',
]);

/** Characters before a full stop in which its word is looked for (longer than any abbreviation or initials). */
const LAST_WORD_WINDOW = 24;

/**
 * Splits a paragraph into sentences. A boundary is `.`, `!` or `?` (optionally followed by a closing quote or
 * bracket), then whitespace, then something that can start a sentence; common abbreviations and initials do not end one.
 */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  // A sentence starts with a capital, a digit, or a sign that stands for a word ("#P is…", "$5 million was…").
  const boundary = /[.!?]+["'”’)\]]*\s+(?=["'“‘(\[]?[\p{Lu}\p{N}#$£€¥])/gu;
  let start = 0;
  for (let m = boundary.exec(paragraph); m; m = boundary.exec(paragraph)) {
    const end = m.index + m[0].trimEnd().length;
    // Only the last word matters: look at the few characters before the stop, not the whole sentence so far
    // (rescanning it at every boundary made long paragraphs quadratic). A word longer than the window is no abbreviation.
    const from = Math.max(start, m.index - LAST_WORD_WINDOW);
    const tail = /([\p{L}.]+)\.$/u.exec(paragraph.slice(from, m.index + 1));
    const lastWord = tail && !(tail.index === 0 && from > start) ? tail[1]!.toLowerCase() : '';
    // Initials ("J. R. R.") and known abbreviations do not end a sentence.
    if (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord)) continue;
    pushSpan(spans, paragraph, start, end);
    start = m.index + m[0].length;
  }
  pushSpan(spans, paragraph, start, paragraph.length);
  return spans;
}

function pushSpan(spans: SentenceSpan[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ text: text.slice(s, e), start: s, end: e });
}
