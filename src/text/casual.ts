/**
 * Chat English, read as written English: contractions with or without their apostrophe ("who's",
 * "whats", "hasnt"), and the shorthand people type in any chat ("u", "yr", "govt", "ppl", "abt", "bc").
 * General English only: nothing here comes from a story. Names, initialisms and typos are resolved
 * against each story later (src/answer/query.ts), since only the story knows what "nk" stands for.
 */

/** Whether a lower-case word belongs to one of the names of the story at hand. */
export type NameTest = (lowerWord: string) => boolean;

/** Whole-word contractions, apostrophe optional where the bare form is not itself a word. */
const CONTRACTIONS: Readonly<Record<string, string>> = {
  "who's": 'who is', whos: 'who is', "what's": 'what is', whats: 'what is', "where's": 'where is', wheres: 'where is',
  "when's": 'when is', whens: 'when is', "why's": 'why is', "how's": 'how is', "that's": 'that is', thats: 'that is',
  "there's": 'there is', "it's": 'it is', "he's": 'he is', "she's": 'she is', "let's": 'let us',
  "where'd": 'where did', "who'd": 'who did', "how'd": 'how did', "what'd": 'what did', "why'd": 'why did', "when'd": 'when did',
  "didn't": 'did not', didnt: 'did not', "doesn't": 'does not', doesnt: 'does not', "don't": 'do not', dont: 'do not',
  "isn't": 'is not', isnt: 'is not', "wasn't": 'was not', wasnt: 'was not', "weren't": 'were not', werent: 'were not',
  "aren't": 'are not', arent: 'are not', "hasn't": 'has not', hasnt: 'has not', "haven't": 'have not', havent: 'have not',
  "hadn't": 'had not', hadnt: 'had not', "won't": 'will not', wont: 'will not', "can't": 'cannot', cant: 'cannot',
  "couldn't": 'could not', couldnt: 'could not', "wouldn't": 'would not', wouldnt: 'would not', "shouldn't": 'should not', shouldnt: 'should not',
  "ain't": 'is not', "would've": 'would have', wouldve: 'would have', "could've": 'could have', couldve: 'could have',
  "should've": 'should have', shouldve: 'should have', "they're": 'they are', "we're": 'we are', "you're": 'you are',
  "they've": 'they have', "we've": 'we have', "i'm": 'i am', im: 'i am', "i've": 'i have', "gonna": 'going to', wanna: 'want to', gotta: 'have to',
};

/** Chat shorthand for ordinary words. */
const SHORTHAND: Readonly<Record<string, string>> = {
  u: 'you', ur: 'your', r: 'are', y: 'why', yr: 'year', yrs: 'years', yo: 'years old', wk: 'week', wks: 'weeks',
  govt: 'government', "gov't": 'government', gov: 'government', ppl: 'people', abt: 'about', bc: 'because', bcz: 'because', cuz: 'because',
  coz: 'because', cos: 'because', "'cause": 'because', bcuz: 'because', b4: 'before', thru: 'through', tho: 'though', smth: 'something',
  sth: 'something', sb: 'somebody', smb: 'somebody', rn: 'right now', pls: 'please', plz: 'please', thx: 'thanks', ty: 'thanks',
  info: 'information', approx: 'approximately', vs: 'versus', v: 'versus', w: 'with', 'w/': 'with', 'w/o': 'without', wo: 'without',
  hrs: 'hours', hr: 'hour', mins: 'minutes', secs: 'seconds', no: 'number', nos: 'numbers', num: 'number',
  pct: 'percent', q1: 'first quarter', q2: 'second quarter', q3: 'third quarter', q4: 'fourth quarter', intl: 'international',
  natl: 'national', dept: 'department', pres: 'president', ceo: 'chief executive', cfo: 'chief financial officer',
  coo: 'chief operating officer', cto: 'chief technology officer', tmrw: 'tomorrow', tmr: 'tomorrow', '2day': 'today', '2nite': 'tonight',
 bn: 'billion', mn: 'million', ok: '', okay: '', lol: '', lmao: '', omg: '', idk: '', tbh: '', imo: '',
  imho: '', btw: '', fyi: '', hey: '', hmm: '', um: '', uh: '', basically: '', literally: '', actually: '',
  anyway: '', anyways: '', exactly: '', really: '',
};

/** Words that are shorthand only in a question, never when they might be meant ("no" is shorthand only as "no." before a figure). */
const ONLY_BEFORE_FIGURE = new Set(['no', 'nos', 'num']);

/** Filler that people put in front of a question ("so", "ok so", "hey"): dropped when it leads. */
const LEADING_FILLER = /^(?:(?:so|ok|okay|hey|um+|uh+|well|and|but|like|yo|also|quick question|question|q)\b[\s,:.!-]*)+/i;

/** "88k" → "88 thousand"; "1.7bn" → "1.7 billion". */
const FIGURE_SUFFIX = /\b(\d+(?:[.,]\d+)?)(k|bn|mn|m)\b/gi;

/**
 * Rewrites a chat question in plain written English: contractions expanded, shorthand spelled out,
 * leading filler dropped, figures with k/bn suffixes spelled out. Case is kept for everything else, so
 * names stay as typed; `isName` tells which words belong to a name of the story at hand: a shorthand
 * between two of them is part of the name ("Roe v Wade").
 * Idempotent: normalising twice gives the same text.
 */
export function normalizeCasual(text: string, isName: NameTest = () => false): string {
  // Dropping filler can bring a shorthand next to what makes it one ("no. um 5" → "no. 5"): repeat to a fixed point.
  let out = text;
  for (let i = 0; i < 4; i++) {
    const next = normalizeOnce(out, isName);
    if (next === out) break;
    out = next;
  }
  return out;
}

function normalizeOnce(text: string, isName: NameTest): string {
  let out = text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(FIGURE_SUFFIX, (_, n: string, s: string) => `${n} ${({ k: 'thousand', bn: 'billion', mn: 'million', m: 'million' } as Record<string, string>)[s.toLowerCase()]}`);
  out = out.replace(/[\p{L}\p{N}'/]+/gu, (word, offset: number, whole: string) => {
    const lower = word.toLowerCase();
    const contraction = CONTRACTIONS[lower];
    if (contraction !== undefined) return keepCase(word, contraction);
    // "how long's" and other "X's" after a question word read as "X is".
    if (/^(?:long|much|many|far|old)'s$/.test(lower)) return `${word.slice(0, -2)} is`;
    const short = SHORTHAND[lower];
    if (short === undefined) return word;
    // Between two words of the story's names, a word is that name's word ("v" in "Roe v Wade"), not shorthand.
    const before = /([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u.exec(whole.slice(0, offset))?.[1];
    const after = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u.exec(whole.slice(offset + word.length))?.[1];
    if (before && after && isName(before.toLowerCase()) && isName(after.toLowerCase())) return word;
    if (ONLY_BEFORE_FIGURE.has(lower) && !/^\.?\s*\d/.test(whole.slice(offset + word.length))) return word;
    // "w" and "r" are shorthand only between words, not as initials ("W. Bush", "R&D").
    if ((lower === 'w' || lower === 'r' || lower === 'y' || lower === 'v') && (word !== lower || /^[.&]/.test(whole.slice(offset + word.length)))) return word;
    if (lower === 'no' && short === 'number') return 'number';
    return short;
  });
  out = out.replace(/\s+/g, ' ').trim();
  const lead = LEADING_FILLER.exec(out);
  if (lead && lead[0].length < out.length) out = out.slice(lead[0].length);
  return out.replace(/\s+([?!.,])/g, '$1').trim();
}

function keepCase(word: string, replacement: string): string {
  return word[0] && word[0] !== word[0].toLowerCase() ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
}
