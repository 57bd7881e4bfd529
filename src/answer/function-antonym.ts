import { lexicon } from '../lexicon/index.ts';
import { STOPWORDS } from '../text/terms.ts';

/** The lowercase words of a text. */
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}]+(?:['’-][\p{L}]+)*/gu) ?? [];

/**
 * A word of the question whose WordNet antonym the passage uses instead, where the passage's word is a function
 * word that the term index leaves out, so that the antonym check on terms cannot see it ("the least critical
 * resource" against "the most critical resource", "below analysts' estimates" against "above"). Only adjectives
 * and adverbs, in their first `maxSenses` senses, through WordNet's own antonym pointers; the question must not
 * use the passage's word too. Returns both words, or null.
 */
export function functionAntonym(question: string, passage: string, maxSenses: number): { claim: string; story: string } | null {
  const asked = new Set(wordsOf(question));
  const given = new Set(wordsOf(passage));
  for (const q of asked) {
    if (given.has(q)) continue;
    const readings = lexicon.lemmas(q);
    // A word that is a lemma itself is not also read as another's inflection ("offer" is no comparative of "off").
    const own = readings.some((l) => l.lemma === q);
    for (const l of readings) {
      if (l.pos !== 'a' && l.pos !== 'r') continue;
      if (own && l.lemma !== q) continue;
      for (const a of lexicon.antonyms(l.lemma, l.pos)) {
        if (a.via !== 'direct' || a.sense > maxSenses || a.lemma.includes(' ')) continue;
        if (!STOPWORDS.has(a.lemma)) continue;
        if (given.has(a.lemma) && !asked.has(a.lemma)) return { claim: q, story: a.lemma };
      }
    }
  }
  return null;
}
