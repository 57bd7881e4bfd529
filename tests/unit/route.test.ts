/**
 * Routing across stories (src/story/route.ts) on tiny made-up stories: a question clearly about one story
 * goes there, by the engine's own answer; two stories that answer equally well are a tie; the shortlist
 * keeps the engine to a few stories.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../src/answer/options.ts';
import { openLibrary, type Library } from '../../src/library.ts';
import { answerability, questionTerms, routeQuestion, RoutingTable, shortlist, type RouteSpace } from '../../src/story/route.ts';
import { StoryShelf } from '../../src/story/shelf.ts';
import { BAKERY, BRIDGE, MATCH, cleanupTiny, tinyStoriesDir } from './stages/tiny.ts';

const spaceOf = (library: Library): RouteSpace => ({ tables: [(library.stories as StoryShelf).routing], index: (slug) => library.stories.get(slug) });

describe('routing across stories', () => {
  let three: Library;
  let twins: Library;
  beforeAll(() => {
    three = openLibrary(tinyStoriesDir([BRIDGE, BAKERY, MATCH]));
    // The bridge story twice (another slug, another headline): any question on it is answered equally by both.
    twins = openLibrary(tinyStoriesDir([BRIDGE, { ...BRIDGE, slug: 'calder-bridge-copy', headline: 'Calder gets a new harbour crossing' }, BAKERY]));
  });
  afterAll(cleanupTiny);

  it('sends a question clearly about one story to that story, with the engine\'s answer', () => {
    const cases = [
      { command: 'who', query: 'who scored both goals for the Rovers', slug: MATCH.slug, answer: /Jonas Pike/ },
      { command: 'who', query: 'who opened the Harbour Bridge', slug: BRIDGE.slug, answer: /Ostrova/ },
      { command: 'ask', query: 'how much of a raise did the union ask for', slug: BAKERY.slug, answer: /8%/ },
    ] as const;
    for (const c of cases) {
      const routed = routeQuestion(spaceOf(three), c.command, c.query, DEFAULT_OPTIONS);
      expect(routed.kind, c.query).toBe('one');
      if (routed.kind !== 'one') continue;
      expect(routed.slug).toBe(c.slug);
      expect(routed.answer.story).toBe(c.slug);
      expect(routed.answer.found).toBe(true);
      expect(routed.answer.answer ?? '').toMatch(c.answer);
    }
  });

  it('routes a claim to the story that gives a verdict on it', () => {
    const routed = routeQuestion(spaceOf(three), 'factcheck', 'Ferry traffic fell by 30% after the opening', DEFAULT_OPTIONS);
    expect(routed).toMatchObject({ kind: 'one', slug: BRIDGE.slug });
    if (routed.kind === 'one') expect(routed.answer.verdict).not.toBe('not_in_story');
  });

  it('calls it a tie when two stories answer about equally well, naming both', () => {
    const routed = routeQuestion(spaceOf(twins), 'who', 'who opened the Harbour Bridge', DEFAULT_OPTIONS);
    expect(routed.kind).toBe('tie');
    if (routed.kind === 'tie') expect([...routed.slugs].sort()).toEqual([BRIDGE.slug, 'calder-bridge-copy']);
    // A question only one story answers is not a tie.
    expect(routeQuestion(spaceOf(twins), 'who', 'who offered the bakers 3%', DEFAULT_OPTIONS)).toMatchObject({ kind: 'one', slug: BAKERY.slug });
  });

  it('has no opinion when no story answers (the default story then does)', () => {
    expect(routeQuestion(spaceOf(three), 'who', 'who is the president of Brazil', DEFAULT_OPTIONS).kind).toBe('none');
    expect(routeQuestion(spaceOf(three), 'who', 'zzzz qqqq', DEFAULT_OPTIONS).kind).toBe('none');
  });

  it('runs the engine only on the shortlist, rarest shared terms first', () => {
    const routed = routeQuestion(spaceOf(three), 'who', 'who scored both goals for the Rovers', { ...DEFAULT_OPTIONS, routeShortlist: 1 });
    expect(routed.candidates).toHaveLength(1);
    expect(routed).toMatchObject({ kind: 'one', slug: MATCH.slug });
    const table = new RoutingTable();
    table.add('a', ['bridg', 'ostrova', 'calder']);
    table.add('b', ['bridg', 'bread']);
    table.add('c', ['bread']);
    expect(shortlist([table], ['bridg', 'ostrova'], 3)).toEqual(['a', 'b']);
    expect(shortlist([table], ['bread'], 1)).toHaveLength(1);
    // A server's own stories are a second table: scored together, by the document frequency over both.
    const own = new RoutingTable();
    own.add('d', ['ostrova', 'bridg', 'ferri']);
    expect(shortlist([table, own], ['bridg', 'ostrova', 'ferri'], 3)).toEqual(['d', 'a', 'b']);
    expect(shortlist([table, own], ['bridg', 'ostrova', 'ferri'], 3, 0.5)).toEqual(['d', 'a']);
    table.remove('a');
    expect(shortlist([table], ['bridg', 'ostrova'], 3)).toEqual(['b']);
    expect(shortlist([table], ['ostrova'], 3)).toEqual([]);
    expect(questionTerms('Who opened the bridges?')).toEqual(expect.arrayContaining(['bridg']));
  });

  it('weighs an answer by found plus coverage, a factcheck by its verdict', () => {
    const base = { command: 'who', query: 'q', story: 's', answer: null, passage: null, paragraph: null, source: null, certainty: null, message: '' } as const;
    expect(answerability({ ...base, found: true, trace: { coverage: 0.8 } })).toBeCloseTo(1.8);
    expect(answerability({ ...base, found: false, trace: { coverage: 0.8 } })).toBeCloseTo(0.8);
    expect(answerability({ ...base, command: 'factcheck', found: true, verdict: 'not_in_story', trace: { coverage: 0.5 } })).toBeCloseTo(0.5);
    expect(answerability({ ...base, command: 'factcheck', found: true, verdict: 'contradicted', trace: { coverage: 0.9 } })).toBeCloseTo(1.9);
  });
});
