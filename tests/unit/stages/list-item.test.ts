/**
 * A question about one item of a list ("what songs were played at the folk concert") is not answered by the
 * list that only names the item, and "how many" with no figure is answered by counting the list
 * (src/answer/list-item.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../src/answer/answer.ts';
import { listsIn } from '../../../src/answer/list-item.ts';
import { engineOptions } from '../../../src/answer/options.ts';
import { buildIndex, type StoryIndex } from '../../../src/search/index.ts';
import { cleanupTiny, indexTiny, type TinyStory } from './tiny.ts';

const FESTIVAL = {
  slug: 'brindle-festival',
  headline: 'Brindle holds its harvest festival',
  paragraphs: [
    'The programme for Saturday included a poetry reading, a folk concert, a craft market, honor parades, and a lantern walk, the organisers said.',
    'Mayor Lena Holt opened the festival at noon.',
  ],
  date: '2024-09-14',
  outlet: 'Brindle Gazette',
} as const satisfies TinyStory;

const FAIR = {
  slug: 'ashby-fair',
  headline: 'Ashby holds its spring fair',
  paragraphs: [
    'The fair on the green offered a book swap, a pie contest, a dog show and a flower show, the organisers said.',
    'Mayor Lena Holt opened the fair.',
  ],
  date: '2024-04-14',
  outlet: 'Ashby Gazette',
} as const satisfies TinyStory;

let index: StoryIndex;
beforeAll(() => { index = indexTiny(FESTIVAL); });
afterAll(cleanupTiny);

describe('lists of things', () => {
  it('are read item by item, up to the one after "and", a word the parser left out of its phrase included', () => {
    const s = index.story.sentences.find((x) => x.text.includes('programme'))!;
    const lists = listsIn(s.text, index.analyses[s.index]!.spans, 2).map((items) => items.map((x) => x.text.replace(/^and\s+/, '')));
    expect(lists).toEqual([['a poetry reading', 'a folk concert', 'a craft market', 'honor parades', 'a lantern walk']]);
  });
});

describe('a question about one item of a list', () => {
  it('is not answered by the list', () => {
    expect(answer(index, 'what', 'what songs were played at the folk concert').found).toBe(false);
    expect(answer(index, 'what', 'what was sold at the craft market').found).toBe(false);
  });

  it('is not answered by the list when a word of the question also matches elsewhere in the sentence', () => {
    const fair = indexTiny(FAIR);
    // "show" is in "a dog show" and in "a flower show": the question is still about one item.
    expect(answer(fair, 'what', 'what breeds were in the dog show').found).toBe(false);
    expect(answer(fair, 'what', 'what did the fair offer')).toMatchObject({ found: true, paragraph: 1 });
  });

  it('leaves when and where to the list\'s sentence, which sets them for every item', () => {
    expect(answer(index, 'when', 'when was the folk concert')).toMatchObject({ found: true, paragraph: 1 });
  });

  it('leaves the question the list answers alone', () => {
    const a = answer(index, 'what', 'what did the programme for saturday include');
    expect(a).toMatchObject({ found: true, paragraph: 1 });
    expect(a.answer).toMatch(/poetry reading|folk concert/);
  });

  it('is answered from the list when the check is off', () => {
    const off = buildIndex(index.story, engineOptions({ listItems: 0 }));
    expect(answer(off, 'what', 'what songs were played at the folk concert').found).toBe(true);
  });
});

const MUSEUM = {
  slug: 'harlow-museum',
  headline: 'Harlow museum opens its new wing',
  paragraphs: [
    'The new wing of the museum holds a sculpture garden, a print room, a reading library and a rooftop cafe.',
    'Director Ana Reyes cut the ribbon.',
  ],
  date: '2024-05-02',
  outlet: 'Harlow Courier',
} as const satisfies TinyStory;

describe('"how many" where the passage lists the things but gives no figure', () => {
  let museum: StoryIndex;
  beforeAll(() => { museum = indexTiny(MUSEUM); });

  it('is answered by counting the list', () => {
    expect(answer(museum, 'what', 'how many spaces does the new wing of the museum hold')).toMatchObject({ found: true, paragraph: 1, answer: '4' });
  });

  it('is not answered by counting when the question is about one of the items', () => {
    expect(answer(museum, 'what', 'how many prints are kept in the print room').answer).not.toBe('4');
  });

  it('is not answered by counting when the check is off', () => {
    const off = buildIndex(museum.story, engineOptions({ listItems: 0 }));
    expect(answer(off, 'what', 'how many spaces does the new wing of the museum hold').answer).not.toBe('4');
  });
});
