/**
 * Figures in text, read as values that can be compared: "88,966", "89k", "$22.1 billion", "409%", "25
 * years", "two", and what a claim says about them ("over 400%", "almost 89 thousand", "about 15 years").
 */

/** A figure: its value, what it counts, and how the text qualifies it. */
export interface Figure {
  /** As written. */
  text: string;
  value: number;
  /** What it counts: "%", "money", a year, or the stem-ish noun after it ("year", "goal"), "" when unknown. */
  unit: string;
  /** How the text qualifies it: "over 400%" is at least, "almost 89k" at most, "about 15" roughly. */
  bound: 'exact' | 'atLeast' | 'atMost' | 'about';
  /** The precision it is written to: 1 for "2019", 0.1 billion for "22.1 billion", 1,000 for "89 thousand". */
  precision: number;
  start: number;
  end: number;
}

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };
const BOUND: [RegExp, Figure['bound']][] = [
  [/\b(?:over|more than|above|at least|upwards of|exceeding)\s*$/i, 'atLeast'],
  [/\b(?:almost|nearly|under|less than|below|up to|at most|just under)\s*$/i, 'atMost'],
  [/\b(?:about|around|roughly|approximately|some|circa|an estimated)\s*$/i, 'about'],
];
const FIGURE = /([$€£¥])?\s?\b(\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a dozen|dozen)\b(?:\s?(thousand|million|billion|trillion|k|bn|mn)\b)?(?:\s?(%|percent\b|per cent\b))?(?:[\s-]+([a-z]+))?/gi;

/** A function word joining number words into a compound ("one-on-one", "one-to-one"), after or before one. */
const JOINED_AFTER = /^-(?:on|to|of|by|in|and|or|off|for)-/i;
const JOINED_BEFORE = /-(?:on|to|of|by|in|and|or|off|for)-$/i;

/** Singular-ish form of a unit noun, so "years" and "yr" compare equal. */
function unitOf(noun: string | undefined): string {
  if (!noun) return '';
  const n = noun.toLowerCase();
  if (/^(?:yrs?|years?)$/.test(n)) return 'year';
  if (/^(?:percent|pct)$/.test(n)) return '%';
  if (/^(?:the|a|an|of|in|and|or|to|from|on|at|by|for|with|as|than|is|was|were|are|after|before|per)$/.test(n)) return '';
  return n.replace(/(?:ies)$/, 'y').replace(/(?:es|s)$/, '');
}

const ORDINAL = /\b(\d+)(?:st|nd|rd|th)\s+([a-z]+)/gi;

/** Every figure in a text: counts and amounts, and ordinals with what they order ("23rd minute" is unit "minute#"). */
export function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  ORDINAL.lastIndex = 0;
  for (let m = ORDINAL.exec(text); m; m = ORDINAL.exec(text)) {
    out.push({ text: m[0], value: Number(m[1]), unit: `${unitOf(m[2])}#`, bound: 'exact', precision: 1, start: m.index, end: m.index + m[0].length });
  }
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const [whole, currency, num, scale, percent, noun] = m;
    if (!num) continue;
    const after = text.slice(m.index + whole.length);
    const numStart = m.index + whole.indexOf(num);
    if (/^(?:st|nd|rd|th)\b/i.test(after) || /^\d*(?:st|nd|rd|th)\b/i.test(text.slice(numStart + num.length))) continue;
    // A day of a date ("Feb 21", "21 December") is not a figure.
    if (/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i.test(text.slice(0, numStart)) || /^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(text.slice(numStart + num.length))) continue;
    // A number word joined to a function word is a compound, not a count: "one-on-one talks", "one-to-one".
    if (!/^\d/.test(num) && (JOINED_AFTER.test(text.slice(numStart + num.length)) || JOINED_BEFORE.test(text.slice(0, numStart)))) continue;
    const base = /^\d/.test(num) ? Number(num.replace(/,/g, '')) : WORDS[num.toLowerCase().replace(/^a /, '')] ?? NaN;
    if (!Number.isFinite(base)) continue;
    const value = base * (scale ? SCALE[scale.toLowerCase()] ?? 1 : 1);
    const isYear = !currency && !scale && !percent && /^\d{4}$/.test(num) && base >= 1000 && base <= 2100;
    const unit = percent ? '%' : currency ? 'money' : isYear ? 'calendar-year' : unitOf(noun);
    const before = text.slice(0, m.index);
    const bound = BOUND.find(([re]) => re.test(before))?.[1] ?? 'exact';
    const core = (noun ? whole.slice(0, whole.length - noun.length) : whole).replace(/[\s-]+$/, '');
    const shown = unit && unit === unitOf(noun) && !['%', 'money', 'calendar-year'].includes(unit) ? whole : core;
    const start = m.index + (shown.length - shown.trimStart().length);
    const end = start + shown.trim().length;
    const digits = /^\d/.test(num) ? num.replace(/,/g, '') : '';
    const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
    const zeros = decimals ? 0 : (/0+$/.exec(digits)?.[0].length ?? 0);
    // Round thousands ("10,000 people") are written to their zeros; anything else to its last digit.
    const written = (decimals ? 10 ** -decimals : !scale && base >= 1000 ? Math.min(10 ** zeros, base / 10) : 1) * (scale ? SCALE[scale.toLowerCase()] ?? 1 : 1);
    out.push({ text: text.slice(start, end), value, unit, bound, precision: unit === 'calendar-year' ? 1 : written, start, end });
  }
  return out;
}

/**
 * Where the words stand that only qualify or scale a figure ("almost" and "thousand" of "almost 89 thousand
 * fans"): the offsets their words start at. They belong to the figure, which is compared as a whole.
 */
export function figureModifiers(text: string, figures: readonly Figure[] = figuresIn(text)): Set<number> {
  const out = new Set<number>();
  const wordsIn = (from: number, to: number) => { for (const w of text.slice(from, to).matchAll(/\p{L}+/gu)) out.add(from + w.index); };
  for (const f of figures) {
    if (f.bound !== 'exact') {
      const before = text.slice(0, f.start).replace(/[$€£¥]\s*$/, '');
      const qualifier = BOUND.map(([re]) => re.exec(before)).find((m) => m);
      if (qualifier) wordsIn(qualifier.index, qualifier.index + qualifier[0].length);
    }
    for (const w of text.slice(f.start, f.end).matchAll(/\p{L}+/gu)) if (SCALE[w[0].toLowerCase()] !== undefined) out.add(f.start + w.index);
  }
  return out;
}

/** Whether two figures count the same thing (an unknown unit is compatible with any but money and %). */
export function sameUnit(a: Figure, b: Figure): boolean {
  if (a.unit === b.unit) return true;
  // "22.1 billion" is money when the story says "$22.1 billion".
  const scaled = (f: Figure) => f.unit === '' && f.value >= 1e6;
  if ((a.unit === 'money' && scaled(b)) || (b.unit === 'money' && scaled(a))) return true;
  const strong = new Set(['%', 'money', 'calendar-year']);
  if (strong.has(a.unit) || strong.has(b.unit) || a.unit.endsWith('#') || b.unit.endsWith('#')) return false;
  return a.unit === '' || b.unit === '';
}

/** Whether a claim's figure agrees with the story's, given how the claim qualifies it. */
export function agrees(claim: Figure, story: Figure): boolean {
  const c = claim.value;
  const s = story.value;
  const close = (tolerance: number) => Math.abs(c - s) <= tolerance * Math.max(Math.abs(s), 1e-9);
  switch (claim.bound) {
    case 'atLeast': return s >= c;
    case 'atMost': return s <= c && close(0.1);
    case 'about': return close(0.1);
    // As precise as the claim is written: "22 billion" agrees with 22.1 billion, "2019" not with 2022.
    default: return Math.round(s / claim.precision) === Math.round(c / claim.precision) || (story.bound !== 'exact' && close(0.05));
  }
}
