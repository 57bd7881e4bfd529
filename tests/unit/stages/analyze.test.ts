/**
 * Sentence analysis (`analyzeParagraph`): the typed candidate spans a sentence offers as answers, one
 * behaviour a test, on made-up sentences.
 */
import { describe, expect, it } from 'vitest';
import { analyzeParagraph, type SpanKind } from '../../../src/text/analyze.ts';

/** The spans of one kind in a one-sentence paragraph. */
function spans(sentence: string, kind: SpanKind): string[] {
  const [analysis] = analyzeParagraph(sentence, [{ start: 0, end: sentence.length }]);
  return analysis!.spans.filter((s) => s.kind === kind).map((s) => s.text);
}

describe('analyzeParagraph: times', () => {
  it('reads a century written out as a time ("the nineteenth century")', () => {
    expect(spans('Missionaries opened church schools in the nineteenth century.', 'time')).toContain('the nineteenth century');
  });

  it('reads "… years ago" as a time, with its qualifier', () => {
    expect(spans('The bacteria entered the cell around a billion years ago.', 'time')).toContain('around a billion years ago');
  });

  it('reads a year as a time', () => {
    expect(spans('The bridge opened in 2019 after a long delay.', 'time')).toContain('2019');
  });
});

describe('analyzeParagraph: lists', () => {
  it('offers each item of a list as a candidate of its own', () => {
    const nouns = spans('The programme included talks, a concert and a dinner.', 'noun');
    expect(nouns).toEqual(expect.arrayContaining(['talks', 'a concert', 'a dinner']));
  });
});

describe('analyzeParagraph: reasons', () => {
  it('ends a reason at the clause that follows it ("…, prompting …" is not part of why)', () => {
    const reasons = spans('Two monks were executed for their Lutheran views, prompting Luther to write a hymn.', 'reason');
    expect(reasons).toContain('their Lutheran views');
  });

  it('keeps a reason that runs to the end of its sentence whole', () => {
    expect(spans('The ferry stopped because of the storm over the bay.', 'reason')).toContain('the storm over the bay');
  });
});

describe('analyzeParagraph: reasons given by a feeling or a goal', () => {
  it('offers what a feeling is about as a reason (WordNet: "apprehension" is a feeling)', () => {
    expect(spans('Fishermen voiced apprehensions about the new harbour wall, which opens in May.', 'reason')).toContain('the new harbour wall');
    expect(spans('Residents are worried about rising rents.', 'reason')).toContain('rising rents');
  });

  it('offers what a goal aims at as a reason (WordNet: an "aim" is a kind of goal)', () => {
    expect(spans('The two towns share an aim to rebuild the old bridge.', 'reason')).toContain('rebuild the old bridge');
  });

  it('offers nothing after a word that is neither ("a book about the war" is no reason)', () => {
    expect(spans('She wrote a book about the war.', 'reason')).toEqual([]);
  });
});

describe('analyzeParagraph: what an action brought', () => {
  it('offers a participle clause after the main one as a reason ("…, strengthening ties with Ashby")', () => {
    expect(spans('The mayor visited the port, strengthening ties with Ashby.', 'reason')).toContain('strengthening ties with Ashby');
  });
});
