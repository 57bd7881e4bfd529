/**
 * A question that copies its passage but for one describing word or figure ("a flexible set of rules"
 * against "a fixed set of rules") asks about something the story does not say (src/answer/substitution.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../src/answer/answer.ts';
import { engineOptions } from '../../../src/answer/options.ts';
import { analyzeQuery } from '../../../src/answer/query.ts';
import { rankSentences } from '../../../src/answer/retrieve.ts';
import { substitutedWord } from '../../../src/answer/substitution.ts';
import { buildIndex, type StoryIndex } from '../../../src/search/index.ts';
import { cleanupTiny, indexTiny, type TinyStory } from './tiny.ts';

const LOOM = {
  slug: 'loom-museum',
  headline: 'The loom museum reopens in Harwick',
  paragraphs: [
    'The Jacquard loom in the Harwick museum uses a fixed set of punched cards to weave its patterns.',
    'The museum keeps two wooden looms from the old mill in its east hall.',
  ],
  date: '2024-03-02',
  outlet: 'Harwick Post',
} as const satisfies TinyStory;

let index: StoryIndex;
beforeAll(() => { index = indexTiny(LOOM); });
afterAll(cleanupTiny);

const substitution = (question: string) => {
  const query = analyzeQuery(index, question);
  return substitutedWord(index, query, rankSentences(index, query)[0]!);
};

describe('a describing word or figure in the place of another', () => {
  it('is found between the passage\'s own words, and names both words', () => {
    expect(substitution('What uses a flexible set of punched cards?')).toEqual({ claim: 'flexible', story: 'fixed' });
    expect(substitution('How many iron looms does the museum keep?')).toBeNull();
    expect(substitution('Where does the museum keep three wooden looms?')).toEqual({ claim: 'three', story: 'two' });
  });

  it('is not found when the question has the passage\'s own word, or rewords a noun or verb', () => {
    expect(substitution('What uses a fixed set of punched cards?')).toBeNull();
    expect(substitution('What uses a fixed group of punched cards?')).toBeNull();
  });

  it('makes the engine say the story does not answer, and only with the check on', () => {
    expect(answer(index, 'ask', 'What uses a flexible set of punched cards?').found).toBe(false);
    expect(answer(index, 'ask', 'What uses a fixed set of punched cards?').found).toBe(true);
    const off = buildIndex(index.story, engineOptions({ contradictionChecks: ['negation', 'antonym'] }));
    expect(answer(off, 'ask', 'What uses a flexible set of punched cards?').found).toBe(true);
  });
});
