/**
 * An antonym on the passage's side that is a function word ("above", "most"), which the term index leaves out
 * (src/answer/function-antonym.ts): a claim saying "below" is contradicted, a question asking for "the least" is
 * not answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../src/answer/answer.ts';
import { functionAntonym } from '../../../src/answer/function-antonym.ts';
import type { StoryIndex } from '../../../src/search/index.ts';
import { cleanupTiny, indexTiny, type TinyStory } from './tiny.ts';

const MILL = {
  slug: 'orwell-mill-results',
  headline: 'Orwell Mill reports its yearly results',
  paragraphs: [
    'Orwell Mill forecast yearly sales of $40 million, above the estimate of the Dunmore trade council.',
    'The loom room is the most costly part of the mill to run, its manager Ada Quist said.',
  ],
  date: '2024-02-10',
  outlet: 'Dunmore Ledger',
} as const satisfies TinyStory;

let index: StoryIndex;
beforeAll(() => { index = indexTiny(MILL); });
afterAll(cleanupTiny);

describe('functionAntonym', () => {
  it('finds a question word whose antonym the passage has as a function word, and only then', () => {
    expect(functionAntonym('sales came in below the estimate', 'sales of $40 million, above the estimate', 3)).toEqual({ claim: 'below', story: 'above' });
    expect(functionAntonym('the least costly part', 'the most costly part', 3)).toEqual({ claim: 'least', story: 'most' });
    expect(functionAntonym('the most costly part', 'the most costly part', 3)).toBeNull();
    // The passage's word is a content word: left to the term check ("last in 25 years" is "first in 25 years").
    expect(functionAntonym('when was he last here', 'his first visit in 25 years', 3)).toBeNull();
  });

  it('does not read a word that is a lemma itself as another word\'s inflection ("offer" is no comparative of "off")', () => {
    expect(functionAntonym('what did the fair offer', 'the fair on the green offered a dog show', 3)).toBeNull();
    // A comparative that is a lemma of its own keeps its own antonyms.
    expect(functionAntonym('fewer people came', 'more people came', 3)).toEqual({ claim: 'fewer', story: 'more' });
  });
});

describe('through the engine', () => {
  it('contradicts a claim that says "below" where the passage says "above", naming both', () => {
    const a = answer(index, 'factcheck', 'Orwell Mill forecast yearly sales below the trade council estimate');
    expect(a).toMatchObject({ verdict: 'contradicted', paragraph: 1, reason: { claim: 'below', story: 'above' } });
    expect(answer(index, 'factcheck', 'Orwell Mill forecast yearly sales above the trade council estimate').verdict).toBe('supported');
  });

  it('does not answer "the least" where the passage says "the most"', () => {
    expect(answer(index, 'what', 'what is the least costly part of the mill to run').found).toBe(false);
    expect(answer(index, 'what', 'what is the most costly part of the mill to run').found).toBe(true);
  });
});
