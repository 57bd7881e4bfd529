/**
 * The question's gap (src/answer/gap.ts): where its missing piece would stand if it were said as a
 * statement, and the extraction stage preferring the candidate that stands there, on a tiny made-up story.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractAnswer } from '../../../src/answer/extract.ts';
import { gapOf } from '../../../src/answer/gap.ts';
import { engineOptions } from '../../../src/answer/options.ts';
import { analyzeQuery } from '../../../src/answer/query.ts';
import { buildIndex, type StoryIndex } from '../../../src/search/index.ts';
import { cleanupTiny, indexTiny, type TinyStory } from './tiny.ts';

/** A made-up verb test: these words are verbs, everything else is not. */
const verbs = (...ws: string[]) => (w: string) => ws.includes(w);

describe('reading the gap', () => {
  it('puts a stranded object after the question\'s last words', () => {
    expect(gapOf('What are longer growth spells associated with?', verbs('associated'))).toEqual({ before: ['associated', 'with'], after: [] });
    expect(gapOf('What did the choir sing?', verbs('sing'))).toEqual({ before: ['choir', 'sing'], after: [] });
  });

  it('puts a subject before the verb that follows the question word', () => {
    expect(gapOf('What causes the floods in spring?', verbs('causes'))).toEqual({ before: [], after: ['causes', 'the'] });
  });

  it('keeps the gap where a question word stands among the question\'s own words', () => {
    expect(gapOf('Clergy usually serve as what in local congregations?', verbs('serve'))).toEqual({ before: ['serve', 'as'], after: ['in', 'local'] });
  });

  it('reads past a clause before a comma', () => {
    expect(gapOf('Besides the river, what did the flood destroy?', verbs('destroy'))).toEqual({ before: ['flood', 'destroy'], after: [] });
  });

  it('gives no gap where word order does not show one', () => {
    expect(gapOf('What is the capital of the province?', verbs())).toBeUndefined();
    expect(gapOf('What did the mayor present in 2019?', verbs('present'))).toBeUndefined();
    expect(gapOf('What is an example of a bridge that the council failed to finish?', verbs('finish'))).toBeUndefined();
    expect(gapOf('A ferry which sank near what?', verbs('sank'))).toEqual({ before: ['sank', 'near'], after: [] });
    expect(gapOf('The boat, which sank, was seen by whom', verbs('seen'))).toBeUndefined();
  });
});

const ORCHARD = {
  slug: 'orchard-report',
  headline: 'A study of orchards in the Vale',
  paragraphs: [
    'In the survey of the Vale, cold nights in April are associated with smaller harvests of apples and pears, the growers union found in its yearly report on the orchards.',
  ],
  date: '2024-06-01',
  outlet: 'Vale Gazette',
} as const satisfies TinyStory;

let index: StoryIndex;
beforeAll(() => { index = indexTiny(ORCHARD); });
afterAll(cleanupTiny);

describe('extraction at the gap', () => {
  const question = 'What are cold nights in April associated with?';
  const sentence = () => index.story.sentences.find((s) => s.text.startsWith('In the survey'))!.index;

  it('answers with the candidate standing right after the words before the gap', () => {
    expect(extractAnswer(index, sentence(), analyzeQuery(index, question))).toMatch(/^smaller harvests/);
  });

  it('without the gap credit, the candidate nearest the question\'s words (in words alone) wins instead', () => {
    const off = buildIndex(index.story, engineOptions({ gapCredit: 0, clauseWords: 0 }));
    expect(extractAnswer(off, sentence(), analyzeQuery(off, question))).not.toMatch(/^smaller harvests/);
  });
});

describe('extraction at a copula or apposition of the asked-for noun', () => {
  const ABBEYS = {
    slug: 'vale-abbeys',
    headline: 'Abbeys of the Vale',
    paragraphs: [
      'Harwick Abbey is a monastery of the old order in the hills, built by the river monks.',
      'Stanway Priory, a monastery of the old order in the hills, was rebuilt by the river monks.',
    ],
    date: '2024-06-01',
    outlet: 'Vale Gazette',
  } as const satisfies TinyStory;
  let abbeys: StoryIndex;
  beforeAll(() => { abbeys = indexTiny(ABBEYS); });
  const at = (start: string) => abbeys.story.sentences.find((s) => s.text.startsWith(start))!.index;

  it('"what monastery …" where the passage says "X is a monastery …": X, not the words after the noun', () => {
    expect(extractAnswer(abbeys, at('Harwick'), analyzeQuery(abbeys, 'What monastery in the hills was built by the river monks?'))).toMatch(/^Harwick/);
  });

  it('"what monastery …" where the passage says "X, a monastery …": X', () => {
    expect(extractAnswer(abbeys, at('Stanway'), analyzeQuery(abbeys, 'What monastery in the hills was rebuilt by the river monks?'))).toBe('Stanway Priory');
  });
});
