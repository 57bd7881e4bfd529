import { compromiseLibrary } from '../text/nlp.ts';
import { ruleBases } from './morphy.ts';
import type { Pos } from './types.ts';

/**
 * Irregular inflections compromise does not produce (its conjugation of "be", "have" and "do" is partial, and
 * it has no adverb comparison): general English only.
 */
export const EXTRA_IRREGULARS = [
  ['be', 'v', ['am', 'are', 'is', 'was', 'were', 'been', 'being']],
  ['have', 'v', ['has', 'had', 'having']],
  ['do', 'v', ['does', 'did', 'done', 'doing']],
  ['lie', 'v', ['lay', 'lain']],
  ['well', 'r', ['better', 'best']],
  ['badly', 'r', ['worse', 'worst']],
  ['far', 'r', ['farther', 'farthest', 'further', 'furthest']],
  ['far', 'a', ['farther', 'farthest', 'further', 'furthest']],
  ['little', 'a', ['less', 'least']],
  ['much', 'a', ['more', 'most']],
  ['many', 'a', ['more', 'most']],
] as const satisfies readonly (readonly [string, Pos, readonly string[]])[];

interface Transforms {
  verb: { conjugate(word: string, model: object): Record<string, string | undefined> };
  noun: { toPlural(word: string, model: object): string };
  adjective: {
    toComparative(word: string, model: object): string;
    toSuperlative(word: string, model: object): string;
  };
}

const SINGLE_WORD = /^[a-z][a-z']*$/;

/**
 * The inflected forms of the given lemmas that WordNet's detachment rules cannot take back to them (went → go,
 * children → child, better → good), generated with compromise's conjugation, pluralisation and comparison,
 * plus `EXTRA_IRREGULARS`. Only single-word lemmas are inflected; a multi-word lemma's first or last word is
 * lemmatised at lookup. Returns form → lemmas with their part of speech, deterministic for a given input.
 */
export function irregularForms(lemmasOf: (pos: Pos) => Iterable<string>): Map<string, [string, Pos][]> {
  const nlp = compromiseLibrary();
  const model = nlp.model();
  const transform = (nlp.methods() as { two: { transform: Transforms } }).two.transform;
  const out = new Map<string, [string, Pos][]>();
  const add = (form: string | undefined, lemma: string, pos: Pos) => {
    if (!form) return;
    const f = form.toLowerCase();
    if (f === lemma || !SINGLE_WORD.test(f) || ruleBases(f, pos).includes(lemma)) return;
    const list = out.get(f) ?? [];
    if (!list.some(([l, p]) => l === lemma && p === pos)) list.push([lemma, pos]);
    out.set(f, list);
  };
  for (const lemma of lemmasOf('v')) {
    if (!SINGLE_WORD.test(lemma)) continue;
    const c = transform.verb.conjugate(lemma, model);
    for (const form of [c.PastTense, c.PresentTense, c.Gerund, c.Participle]) add(form, lemma, 'v');
  }
  for (const lemma of lemmasOf('n')) {
    if (SINGLE_WORD.test(lemma)) add(transform.noun.toPlural(lemma, model), lemma, 'n');
  }
  for (const lemma of lemmasOf('a')) {
    if (!SINGLE_WORD.test(lemma)) continue;
    add(transform.adjective.toComparative(lemma, model), lemma, 'a');
    add(transform.adjective.toSuperlative(lemma, model), lemma, 'a');
  }
  for (const [lemma, pos, forms] of EXTRA_IRREGULARS) for (const form of forms) add(form, lemma, pos);
  return out;
}
