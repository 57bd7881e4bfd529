import type { Pos } from './types.ts';

/**
 * WordNet's "morphy" detachment rules: an inflectional ending and what replaces it, by part of speech
 * (WordNet's morph.c), plus -ied → -y for verbs and -ier/-iest → -y for adjectives, which WordNet leaves to its
 * exception files (carried, happier). Adverbs have none.
 */
export const DETACHMENT_RULES = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['ied', 'y']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'], ['ier', 'y'], ['iest', 'y']],
  r: [],
} as const satisfies Record<Pos, readonly (readonly [string, string])[]>;

/** Endings after which a doubled final consonant is undoubled too (stopped → stop, biggest → big). */
const UNDOUBLE_AFTER = new Set(['ed', 'ing', 'er', 'est']);
const DOUBLED = /([bdgklmnprtvz])\1$/;

/**
 * Candidate base forms of a single word form by the detachment rules, in rule order, unchecked against the
 * dictionary. Beyond WordNet's rules, a doubled final consonant left by -ed/-ing/-er/-est is also undoubled,
 * which covers what WordNet lists in its exception files for those (stopped, biggest); a noun ending in
 * "ss" is never stripped of its "s" (glass is not a plural).
 */
export function ruleBases(word: string, pos: Pos): string[] {
  const out: string[] = [];
  for (const [suffix, ending] of DETACHMENT_RULES[pos]) {
    if (word.length <= suffix.length + 1 || !word.endsWith(suffix)) continue;
    if (pos === 'n' && suffix === 's' && word.endsWith('ss')) continue;
    const stem = word.slice(0, -suffix.length);
    out.push(stem + ending);
    if (ending === '' && UNDOUBLE_AFTER.has(suffix) && DOUBLED.test(stem)) out.push(stem.slice(0, -1));
  }
  return out;
}

/**
 * Normalises a word or lemma for lookup: lower case, typographic apostrophes and underscores replaced,
 * whitespace collapsed to single spaces.
 */
export function normalizeWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[_\s]+/g, ' ').trim();
}
