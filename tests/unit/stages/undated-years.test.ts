/**
 * A question's year against a story that gives none (no year in its text, no publication date): the story can
 * neither confirm nor contradict it, so the year is set aside rather than taken for a name the story lacks
 * (answerOne in src/answer/answer.ts). A dated story, and every claim, keep their years.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../src/answer/answer.ts';
import type { StoryIndex } from '../../../src/search/index.ts';
import { cleanupTiny, indexTiny, type TinyStory } from './tiny.ts';

const SEASON = [
  'The Harbour Hawks defence led the league in interceptions with 24 during the regular season.',
  'Linebacker Mara Quill made the most tackles for the Hawks.',
] as const;

const UNDATED = { slug: 'hawks-season', headline: 'Hawks defence leads the league', paragraphs: SEASON, outlet: 'Harbour Herald' } as const satisfies TinyStory;
const DATED = {
  slug: 'hawks-season-dated',
  headline: 'Hawks defence leads the league',
  paragraphs: [...SEASON, 'The club was founded in 1990.'],
  date: '2016-01-10',
  outlet: 'Harbour Herald',
} as const satisfies TinyStory;

let undated: StoryIndex;
let dated: StoryIndex;
beforeAll(() => { undated = indexTiny(UNDATED); dated = indexTiny(DATED); });
afterAll(cleanupTiny);

describe('a year in a question', () => {
  it('is set aside where the story gives no year', () => {
    expect(answer(undated, 'what', 'how many interceptions did the hawks defence have in 2015')).toMatchObject({ found: true, paragraph: 1, answer: '24' });
    expect(answer(undated, 'who', 'who made the most tackles for the hawks in 2015')).toMatchObject({ found: true, paragraph: 2 });
  });

  it('is a name the story lacks where the story gives years', () => {
    const a = answer(dated, 'what', 'how many interceptions did the hawks defence have in 2015');
    expect(a.found).toBe(false);
    expect(a.unknownNames).toContain('2015');
  });

  it('stays in a claim, which the story must say all of', () => {
    expect(answer(undated, 'factcheck', 'the hawks defence led the league in interceptions in 2015').verdict).not.toBe('supported');
    expect(answer(undated, 'factcheck', 'the hawks defence led the league in interceptions').verdict).toBe('supported');
  });
});
