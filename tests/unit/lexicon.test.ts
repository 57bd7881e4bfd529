import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledPath } from '../../src/lexicon/build.ts';
import {
  antonyms, collocations, isA, isWord, lemmas, lexicon, openLexicon, related, type Relation, senses,
} from '../../src/lexicon/index.ts';

// The first use compiles WordNet when the cache is empty (a fresh `npm ci`): allow for it once, here.
beforeAll(() => {
  lexicon.lemmas('warm-up');
}, 120_000);

const first = (word: string) => lemmas(word)[0];
const relatedBy = (lemma: string, pos: 'n' | 'v' | 'a' | 'r', relation: Relation) =>
  related(lemma, pos, { relations: [relation] }).map((r) => r.lemma);
const antonymOf = (a: string, b: string) => antonyms(a).find((x) => x.lemma === b);

describe('lemmas: regular inflections by the detachment rules', () => {
  it('finds the base form and part of speech of plurals, past tenses and superlatives', () => {
    expect(lemmas('publishers')).toEqual([{ lemma: 'publisher', pos: 'n' }]);
    expect(lemmas('greeted')).toEqual([{ lemma: 'greet', pos: 'v' }]);
    expect(lemmas('strongest')).toEqual([{ lemma: 'strong', pos: 'a' }]);
  });

  it('undoubles consonants and turns -ied/-ier back into -y', () => {
    expect(first('stopped')).toEqual({ lemma: 'stop', pos: 'v' });
    expect(first('carried')).toEqual({ lemma: 'carry', pos: 'v' });
    expect(first('happier')).toEqual({ lemma: 'happy', pos: 'a' });
  });

  it('returns only lemmas WordNet has, and nothing for a non-word', () => {
    expect(lemmas('glass')).toEqual([{ lemma: 'glass', pos: 'n' }, { lemma: 'glass', pos: 'v' }]);
    expect(lemmas('xyzzy')).toEqual([]);
    expect(lemmas('')).toEqual([]);
  });
});

describe('lemmas: irregular forms', () => {
  it('maps irregular verbs to their base form first', () => {
    expect(first('went')).toEqual({ lemma: 'go', pos: 'v' });
    expect(first('gave')).toEqual({ lemma: 'give', pos: 'v' });
    expect(first('sent')).toEqual({ lemma: 'send', pos: 'v' });
    expect(first('was')).toEqual({ lemma: 'be', pos: 'v' });
  });

  it('maps irregular plurals and comparatives', () => {
    expect(lemmas('children')).toEqual([{ lemma: 'child', pos: 'n' }]);
    expect(first('analyses')).toEqual({ lemma: 'analysis', pos: 'n' });
    expect(first('better')).toEqual({ lemma: 'good', pos: 'a' });
  });

  it('keeps the form itself when it is also a lemma, most common reading first', () => {
    expect(lemmas('saw').slice(0, 3)).toEqual([
      { lemma: 'see', pos: 'v' }, { lemma: 'saw', pos: 'v' }, { lemma: 'saw', pos: 'n' },
    ]);
  });
});

describe('lemmas: lookup form', () => {
  it('is case-insensitive and accepts underscores and extra spaces', () => {
    expect(first('  WENT ')).toEqual({ lemma: 'go', pos: 'v' });
    expect(lemmas('Prime_Ministers')).toEqual([{ lemma: 'prime minister', pos: 'n' }]);
  });

  it('lemmatises the first word of a phrasal verb and the last word of a compound noun', () => {
    expect(lemmas('picked up')).toEqual([{ lemma: 'pick up', pos: 'v' }]);
    expect(lemmas('news agencies')).toEqual([{ lemma: 'news agency', pos: 'n' }]);
  });
});

describe('isWord', () => {
  it('accepts WordNet lemmas and their inflections', () => {
    for (const w of ['visit', 'visited', 'children', 'went', 'Newspapers', 'prime minister']) expect(isWord(w), w).toBe(true);
  });

  it('accepts function words WordNet lacks, contractions and possessives', () => {
    for (const w of ['the', 'of', 'and', 'whom', 'would', "didn't", "children's"]) expect(isWord(w), w).toBe(true);
  });

  it('accepts hyphenated compounds of words, not those with a non-word part', () => {
    expect(isWord('arms-for-food')).toBe(true);
    expect(isWord('well-known')).toBe(true);
    expect(isWord('blinken-led')).toBe(false);
    expect(isWord('-')).toBe(false);
  });

  it('accepts names WordNet knows', () => {
    expect(isWord('Pyongyang')).toBe(true);
    expect(isWord('Kremlin')).toBe(true);
  });

  it('rejects typos, unknown names, numbers and empty input', () => {
    for (const w of ['pyongayng', 'blinken', 'Blinken', 'greated', 'xyzzy', '2022', '', '   ']) expect(isWord(w), w).toBe(false);
  });
});

describe('senses', () => {
  it('types common question nouns by lexicographer file', () => {
    expect(senses('city')[0]?.lexFile).toBe('noun.location');
    expect(senses('year')[0]?.lexFile).toBe('noun.time');
    expect(senses('newspaper')[0]?.lexFile).toBe('noun.communication');
    expect(senses('diplomat')[0]?.lexFile).toBe('noun.person');
  });

  it('gives senses in WordNet order with ids, ranks and synset members', () => {
    const [one, two] = senses('city', 'n');
    expect(one).toEqual({
      id: 'n08542298', pos: 'n', rank: 1, lexFile: 'noun.location', instance: false,
      lemmas: ['city', 'metropolis', 'urban center'],
    });
    expect(two?.rank).toBe(2);
  });

  it('marks instances: Japan is a particular place, city is not', () => {
    expect(senses('Japan')[0]).toMatchObject({ lexFile: 'noun.location', instance: true });
    expect(senses('city').every((s) => !s.instance)).toBe(true);
  });

  it('filters by part of speech', () => {
    const verbs = senses('fall', 'v');
    expect(verbs.length).toBeGreaterThan(0);
    expect(verbs.every((s) => s.pos === 'v' && s.lexFile.startsWith('verb.'))).toBe(true);
  });

  it('is empty for words WordNet lacks and for inflected forms', () => {
    expect(senses('blinken')).toEqual([]);
    expect(senses('publishers')).toEqual([]);
  });
});

describe('isA', () => {
  it('follows instance and class hypernyms up the hierarchy', () => {
    expect(isA('Japan', 'country')).toBe(true);
    expect(isA('Pyongyang', 'city')).toBe(true);
    expect(isA('newspaper', 'press')).toBe(true);
  });

  it('is false across unrelated categories and for unknown words', () => {
    expect(isA('Japan', 'person')).toBe(false);
    expect(isA('blinken', 'person')).toBe(false);
  });
});

describe('related: synonyms', () => {
  it('lists the other members of the first senses', () => {
    expect(relatedBy('arrive', 'v', 'synonym')).toEqual(expect.arrayContaining(['get', 'come']));
    expect(relatedBy('arrive', 'v', 'synonym')).not.toContain('arrive');
  });

  it('reports welcome as a kind of greeting (hyponym of greet), not a synonym', () => {
    expect(relatedBy('greet', 'v', 'synonym')).not.toContain('welcome');
    expect(relatedBy('greet', 'v', 'hyponym')).toContain('welcome');
  });

  it('carries the sense rank and stops at maxSenses', () => {
    const all = related('greet', 'v', { relations: ['hypernym'] });
    expect(all.find((r) => r.lemma === 'react')?.sense).toBe(3);
    const firstOnly = related('greet', 'v', { maxSenses: 1 });
    expect(firstOnly.length).toBeGreaterThan(0);
    expect(firstOnly.every((r) => r.sense === 1)).toBe(true);
  });
});

describe('related: derivations, pertainyms, similar, hierarchy', () => {
  it('gives derivationally related forms', () => {
    expect(relatedBy('publish', 'v', 'derivation')).toEqual(expect.arrayContaining(['publisher', 'publication']));
    expect(relatedBy('arrive', 'v', 'derivation')).toContain('arrival');
    expect(relatedBy('arrival', 'n', 'derivation')).toContain('arrive');
  });

  it('gives pertainyms: Russian → Russia, nuclear → nucleus', () => {
    expect(relatedBy('Russian', 'a', 'pertainym')).toEqual(['russia']);
    expect(relatedBy('nuclear', 'a', 'pertainym')).toContain('nucleus');
  });

  it('gives adjective clusters', () => {
    expect(relatedBy('fragile', 'a', 'similar')).toContain('breakable');
  });

  it('gives one level of hypernyms and hyponyms', () => {
    expect(related('city', 'n', { maxSenses: 1, relations: ['hypernym', 'hyponym'] })).toEqual(
      expect.arrayContaining([
        { lemma: 'municipality', pos: 'n', relation: 'hypernym', sense: 1 },
        { lemma: 'national capital', pos: 'n', relation: 'hyponym', sense: 1 },
      ]),
    );
    expect(relatedBy('city', 'n', 'hypernym')).not.toContain('region');
  });

  it('gives what an instance is an instance of', () => {
    expect(relatedBy('Japan', 'n', 'instance')).toContain('asian country');
    expect(relatedBy('city', 'n', 'instance')).toEqual([]);
  });

  it('is empty for unknown words', () => {
    expect(related('blinken')).toEqual([]);
  });
});

describe('antonyms', () => {
  it('gives direct antonyms both ways', () => {
    expect(antonymOf('rise', 'fall')?.via).toBe('direct');
    expect(antonymOf('fall', 'rise')?.via).toBe('direct');
    expect(antonymOf('increase', 'decrease')).toMatchObject({ pos: 'v', via: 'direct' });
    expect(antonymOf('win', 'lose')).toMatchObject({ pos: 'v', via: 'direct' });
    expect(antonymOf('praise', 'criticize')).toMatchObject({ pos: 'v', via: 'direct' });
    expect(antonymOf('welcome', 'unwelcome')).toMatchObject({ pos: 'a', via: 'direct' });
  });

  it('reaches adjective antonyms through the cluster head, both ways', () => {
    expect(antonymOf('fragile', 'unbreakable')?.via).toBe('similar');
    expect(antonymOf('frosty', 'hot')?.via).toBe('similar');
    expect(antonymOf('warm', 'cold')?.via).toBe('similar');
    expect(antonymOf('cold', 'warm')?.via).toBe('similar');
  });

  it('gives an adverb without antonyms of its own those of its adjective', () => {
    expect(antonymOf('warmly', 'cool')).toMatchObject({ pos: 'a', via: 'direct' });
    expect(antonymOf('quickly', 'slowly')).toMatchObject({ pos: 'r', via: 'direct' });
  });

  it('reaches antonyms through derivationally related forms', () => {
    expect(antonyms('praise', 'n')).toContainEqual({ lemma: 'criticize', pos: 'v', via: 'derivation', sense: 1 });
  });

  it('does not invent pairs WordNet lacks', () => {
    expect(antonymOf('strong', 'fragile')).toBeUndefined();
    expect(antonymOf('praise', 'condemn')).toBeUndefined();
    expect(antonyms('blinken')).toEqual([]);
  });
});

describe('collocations', () => {
  it('lists multi-word lemmas starting with a word, as word arrays', () => {
    expect(collocations('put')).toEqual(expect.arrayContaining([['put', 'out'], ['put', 'up']]));
    expect(collocations('Prime')).toContainEqual(['prime', 'minister']);
    expect(collocations('news')).toContainEqual(['news', 'agency']);
    expect(collocations('touch')).toContainEqual(['touch', 'down']);
  });

  it('lists only phrases that start with that exact word', () => {
    expect(collocations('put').every((c) => c[0] === 'put' && c.length > 1)).toBe(true);
    expect(collocations('pyongayng')).toEqual([]);
    expect(collocations('')).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('_', ' ', "'", "'s", '-')), (text) => {
        lemmas(text);
        isWord(text);
        senses(text);
        related(text);
        antonyms(text);
        collocations(text);
        isA(text, text);
      }),
      { numRuns: 200, seed: 20261129 },
    );
  });
});

describe('compiled file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-cache-'));
  const file = compiledPath(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read lazily, built when missing, and rebuilt when corrupt or stale', () => {
    const stale = join(dir, 'lexicon-wn0.0.0-cp0.0.0-f0.bin');
    writeFileSync(stale, 'an older build');
    const cold = openLexicon({ cacheDir: dir });
    expect(cold.loaded).toBe(false);
    expect(existsSync(file)).toBe(false);
    expect(cold.isWord('went')).toBe(true);
    expect(cold.loaded).toBe(true);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(stale)).toBe(false);

    writeFileSync(file, 'not a lexicon');
    expect(openLexicon({ cacheDir: dir }).lemmas('children')).toEqual([{ lemma: 'child', pos: 'n' }]);
    expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('SBLX');
  }, 180_000);
});
