/**
 * "Who is X" questions, source conflicts in factchecks, and typed abstention: behaviour added after the
 * first round of answer tests.
 */
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.ts';
import { detectKind } from '../../src/answer/query.ts';
import type { Answer, Command } from '../../src/answer/types.ts';
import { realLibrary } from '../library.ts';
import { SLUG, expectValidAnswer } from './helpers.ts';

const index = realLibrary().stories.get(SLUG)!;
const run = (command: Command, query: string): Answer => {
  const a = answer(index, command, query);
  expectValidAnswer(index, a);
  return a;
};

describe('who/what is X', () => {
  it('names the person a title refers to, with a passage that introduces them', () => {
    const a = run('ask', 'Who is the North Korean leader?');
    expect(a.found).toBe(true);
    expect(a.answer).toBe('Kim Jong Un');
    expect(a.passage).toMatch(/North Korean leader Kim Jong Un/);
  });

  it('describes a person asked about by name, from the article body rather than the headline', () => {
    const a = run('who', 'is Kim Jong Un');
    expect(a.paragraph).not.toBe(0);
    expect(a.answer).toMatch(/North Korean leader/);
  });

  it('says what a cited source is', () => {
    const a = run('what', 'is Interfax');
    expect(a.answer).toMatch(/news agency/);
    expect(a.paragraph).toBe(2);
  });

  it('leaves names the story does not declare to the ordinary path (and out-of-story ones abstain)', () => {
    expect(run('ask', 'who is Angela Merkel').found).toBe(false);
  });
});

describe('factcheck: the source matters', () => {
  it('contradicts a claim that credits the wrong source', () => {
    const a = run('factcheck', 'Rodong Sinmun reported the itinerary of one-on-one discussions and a gala concert');
    expect(a.verdict).toBe('contradicted');
    expect(a.reason?.element).toBe('source');
    expect(a.reason?.story).toMatch(/Interfax/);
    expect(a.message).toMatch(/Interfax/);
  });

  it('supports the same claim credited to the right source', () => {
    expect(run('factcheck', 'Interfax reported the itinerary of one-on-one discussions and a gala concert').verdict).toBe('supported');
  });
});

describe('typed questions in an annotated story', () => {
  it('does not answer "how many" with a passage that gives no figure', () => {
    const a = run('ask', 'how many honor guards were on the itinerary for the day');
    expect(a.found).toBe(false);
    expect(a.missing).toBe('number');
    expect(a.message).toMatch(/no figure/);
  });

  it('still answers "how many" when the story has the figure', () => {
    expect(run('ask', 'how many years since Putin was last in North Korea')?.answer).toMatch(/25/);
  });
});

describe('kind detection with a modifier', () => {
  it.each([
    ['Which news agency reported it?', 'who'],
    ['In which calendar year did it happen?', 'when'],
    ['Which capital city hosted the visit?', 'where'],
    ['What did the president say?', 'what'],
  ])('%s → %s', (q, kind) => expect(detectKind(q).kind).toBe(kind));
});

describe('questions about the story’s people on matters it never touches', () => {
  it.each([
    ['when', 'was Kim Jong Un born'],
    ['ask', 'Where does Kim Jong Un live?'],
    ['who', 'is Vladimir Putin married to'],
  ] as const)('%s %s → not found', (command, q) => {
    const a = run(command, q);
    expect(a.found).toBe(false);
    expect(a.passage).toBeNull();
  });
});

describe('yes/no questions through ask', () => {
  it('answers yes, no or not established, with the evidence', () => {
    const yes = run('ask', 'Did Kim Jong Un welcome Putin to North Korea?');
    expect(yes.answer).toBe('Yes');
    expect(yes.verdict).toBeUndefined();
    const no = run('ask', 'Did Russia invade Ukraine in 2014?');
    // "No", with what the story gives instead.
    expect(no.answer).toMatch(/^No\b.*2022/);
    expect(no.yesNo).toBe('no');
    expect(no.paragraph).toBe(3);
    expect(run('ask', 'Has North Korea given Russia weapons?').answer).toMatch(/^Not established\b/);
  });

  it('says the story does not say when it does not', () => {
    const a = run('ask', 'Did Putin visit Brazil?');
    expect(a.found).toBe(false);
    expect(a.message).toMatch(/doesn't say/);
  });
});

describe('choosing among facts and sentences', () => {
  it('reads "what … for?" as asking for the reason when that is what the story gives', () => {
    const a = run('ask', 'What did Putin commend Kim Jong Un for?');
    expect(a.answer).toMatch(/standing firm/);
    expect(run('ask', 'What did Putin praise North Korea for?').answer).toMatch(/support/);
  });

  it('prefers the sentence whose fact matches more of the question', () => {
    const a = run('where', 'did Kim Jong Un go last year');
    expect(a.answer).toBe('Russia');
    expect(a.paragraph).toBe(3);
  });

  it('tolerates a dropped letter in a four-letter name', () => {
    expect(run('ask', 'Who greeted Putn in Pyongyang?').answer).toMatch(/Kim/);
  });

  it('contradicts a wrong figure and a wrong source, even in a short claim', () => {
    expect(run('factcheck', 'Putin made his first visit to North Korea in 5 years').verdict).toBe('contradicted');
    const a = run('factcheck', 'KCNA reported the itinerary');
    expect(a.verdict).toBe('contradicted');
    expect(a.reason?.story).toMatch(/Interfax/);
  });
});
