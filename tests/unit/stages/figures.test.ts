/**
 * Figures (`figuresIn`, `figureModifiers`, `agrees`, `sameUnit`): values read from text, how a claim qualifies them, the
 * precision they are written to, ordinals and units. Pure: no story needed.
 */
import { describe, expect, it } from 'vitest';
import { agrees, figureModifiers, figuresIn, sameUnit, type Figure } from '../../../src/text/figures.ts';

/** The one figure in a text (fails the test when there is not exactly one). */
function one(text: string): Figure {
  const figures = figuresIn(text);
  expect(figures, `figures in "${text}"`).toHaveLength(1);
  return figures[0]!;
}

describe('figureModifiers', () => {
  it('finds the words that only qualify or scale a figure', () => {
    const text = 'almost 89 thousand fans came, and over $2 billion was spent by some 40 clubs';
    const at = (word: string) => text.indexOf(word);
    expect([...figureModifiers(text)].sort((a, b) => a - b)).toEqual([at('almost'), at('thousand'), at('over'), at('billion'), at('some')]);
    expect(figureModifiers('89 fans came').size).toBe(0);
  });
});

describe('figuresIn', () => {
  it('reads a figure with thousands separators', () => {
    expect(one('About 12,000 people walked across').value).toBe(12000);
  });

  it('reads a spelled-out number', () => {
    expect(one('two gates were closed').value).toBe(2);
  });

  it('reads no count in a compound of number words ("one-on-one talks"), but does in "a two-year deal"', () => {
    expect(figuresIn('They held one-on-one talks and a one-to-one meeting')).toEqual([]);
    expect(figuresIn('a two-year deal').map((f) => [f.value, f.unit])).toEqual([[2, 'year']]);
  });

  it('reads a scale word: "22.1 billion"', () => {
    expect(one('a debt of 22.1 billion').value).toBeCloseTo(22.1e9);
  });

  it('marks "over" as a lower bound', () => {
    expect(one('over 400% more ferries').bound).toBe('atLeast');
  });

  it('marks "almost" as an upper bound', () => {
    expect(one('almost 89 thousand fans').bound).toBe('atMost');
  });

  it('marks "about" as a rough figure', () => {
    expect(one('about 15 years ago').bound).toBe('about');
  });

  it('leaves an unqualified figure exact', () => {
    expect(one('it took 15 years').bound).toBe('exact');
  });

  it('gives a percentage the unit %', () => {
    expect(one('traffic fell by 30%').unit).toBe('%');
    expect(one('traffic fell by 30 percent').unit).toBe('%');
  });

  it('gives an amount with a currency sign the unit money', () => {
    expect(one('the bridge cost $48 million')).toMatchObject({ unit: 'money', value: 48e6 });
  });

  it('reads a four-digit number as a calendar year', () => {
    expect(one('the deck was built in 2019').unit).toBe('calendar-year');
  });

  it('reads the noun after a figure as its unit, singular', () => {
    expect(one('it lasted 25 years').unit).toBe('year');
    expect(one('she scored 3 goals').unit).toBe('goal');
  });

  it('reads an ordinal with what it orders: "23rd minute"', () => {
    expect(one('he scored in the 23rd minute')).toMatchObject({ value: 23, unit: 'minute#' });
  });

  it('records the precision a figure is written to', () => {
    expect(one('a debt of 22 billion').precision).toBe(1e9);
    expect(one('a debt of 22.1 billion').precision).toBeCloseTo(0.1e9);
    expect(one('in 2019').precision).toBe(1);
  });

  it('finds nothing in a text without figures', () => {
    expect(figuresIn('the mayor opened the bridge')).toEqual([]);
  });
});

describe('agrees', () => {
  const check = (claim: string, story: string) => agrees(one(claim), one(story));

  it('agrees with the same figure', () => {
    expect(check('12,000 people', '12,000 people')).toBe(true);
  });

  it('disagrees with another figure', () => {
    expect(check('11,000 people', '12,000 people')).toBe(false);
  });

  it('compares at the precision the claim is written to: "22 billion" agrees with 22.1 billion', () => {
    expect(check('a debt of 22 billion', 'a debt of 22.1 billion')).toBe(true);
  });

  it('does not round a more precise claim: "22.4 billion" disagrees with 22.1 billion', () => {
    expect(check('a debt of 22.4 billion', 'a debt of 22.1 billion')).toBe(false);
  });

  it('compares years exactly: 2019 is not 2022', () => {
    expect(check('in 2019', 'in 2022')).toBe(false);
  });

  it('"over N" agrees with any larger figure', () => {
    expect(check('over 10,000 people', '12,000 people')).toBe(true);
  });

  it('"over N" disagrees with a smaller figure', () => {
    expect(check('over 15,000 people', '12,000 people')).toBe(false);
  });

  it('"almost N" agrees with a figure just below N', () => {
    expect(check('almost 89 thousand fans', '88,966 fans')).toBe(true);
  });

  it('"almost N" disagrees with a figure above N', () => {
    expect(check('almost 11,000 people', '12,000 people')).toBe(false);
  });

  it('"about N" agrees within a tenth', () => {
    expect(check('about 15 years', '14 years')).toBe(true);
    expect(check('about 15 years', '25 years')).toBe(false);
  });

  it('the same ordinal agrees and another does not', () => {
    expect(check('the 23rd minute', 'the 23rd minute')).toBe(true);
    expect(check('the 24th minute', 'the 23rd minute')).toBe(false);
  });
});

describe('sameUnit', () => {
  const same = (a: string, b: string) => sameUnit(one(a), one(b));

  it('compares percentages with percentages', () => {
    expect(same('rose 8%', 'fell 3 percent')).toBe(true);
  });

  it('does not compare a percentage with money', () => {
    expect(same('rose 8%', 'cost $8 million')).toBe(false);
  });

  it('does not compare a year with a count', () => {
    expect(same('in 2019', 'it was 300')).toBe(false);
  });

  it('does not compare an ordinal with a count of the same noun', () => {
    expect(same('the 23rd minute', '23 minutes')).toBe(false);
  });

  it('compares years with years and goals with goals, not goals with years', () => {
    expect(same('25 years', '3 yrs')).toBe(true);
    expect(same('3 goals', '2 goals')).toBe(true);
    expect(same('3 goals', '3 years')).toBe(false);
  });

  it('lets a figure of unknown unit compare with a counted one', () => {
    expect(same('it was 300', '300 bakers')).toBe(true);
  });
});
