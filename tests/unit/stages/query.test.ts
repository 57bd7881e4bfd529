/**
 * Question reading (`analyzeQuery`) and word meaning (`storyMeaning`, through the story's index), on a tiny
 * made-up story about a bakery strike: kind and expected answer, the wh-word's role, the story's own
 * initialisms, names typed loosely, typos of story words and of English words, unknown names; WordNet
 * synonyms, derivations and antonyms that reach the story's words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuery, type QueryTerm } from '../../../src/answer/query.ts';
import type { StoryIndex } from '../../../src/search/index.ts';
import { termsOf } from '../../../src/text/terms.ts';
import { answer } from '../../../src/answer/answer.ts';
import { BAKERY, cleanupTiny, indexTiny, type TinyStory } from './tiny.ts';

const APPEAL = {
  slug: 'harlow-appeal',
  headline: 'Harlow will appeal the port ruling',
  paragraphs: [
    'Attorney General Dana Price said the state would appeal the ruling on the port.',
    'The port company reported net income of $5 million, its regional manager said.',
  ],
  date: '2025-02-03',
  outlet: 'Harlow Courier',
} as const satisfies TinyStory;

let index: StoryIndex;
beforeAll(() => { index = indexTiny(BAKERY); });
afterAll(cleanupTiny);

/** The analysed term of a question word (fails when the question has no such word). */
function term(question: string, token: string): QueryTerm {
  const t = analyzeQuery(index, question).terms.find((x) => x.token.toLowerCase() === token.toLowerCase());
  expect(t, `"${token}" in "${question}"`).toBeDefined();
  return t!;
}

/** The story term (stem) of a word as the index stores it. */
const stem = (word: string) => termsOf(word)[0]!;

describe('analyzeQuery: kind and expected answer', () => {
  it('reads "what day of the week" as a when-question wanting a time', () => {
    expect(analyzeQuery(index, 'what day of the week did the bakers strike')).toMatchObject({ kind: 'when', expect: 'time' });
  });

  it('reads "how many" as wanting a number', () => {
    expect(analyzeQuery(index, 'how many bakers went on strike')).toMatchObject({ kind: 'what', expect: 'number' });
  });

  it('reads "what happens when X" as asking what follows X, not when', () => {
    expect(analyzeQuery(index, 'what happened when the bakers went on strike')).toMatchObject({ kind: 'what', expect: 'thing' });
    expect(analyzeQuery(index, 'the bakers went on strike when')).toMatchObject({ kind: 'when', expect: 'time' });
  });

  it('reads a wh-word at the end: "the letter was published by who"', () => {
    expect(analyzeQuery(index, 'the letter was published by who')).toMatchObject({ kind: 'who', expect: 'person' });
  });

  it('takes the noun after "which" as the head when the next word is the question\'s verb ("which newspaper ran …")', () => {
    expect(analyzeQuery(index, 'which newspaper ran the union letter').head).toBe(stem('newspaper'));
    expect(analyzeQuery(index, 'which news agency reported the strike').head).toBe(stem('agency'));
  });

  it('keeps the answer type the words ask for when the command is /what ("what day" wants a time)', () => {
    expect(analyzeQuery(index, 'what day of the week did the bakers strike', 'what')).toMatchObject({ kind: 'what', expect: 'time' });
    expect(analyzeQuery(index, 'what did the union ask for', 'what')).toMatchObject({ kind: 'what', expect: 'thing' });
  });

  it('reads "which town" as a where-question wanting a place', () => {
    expect(analyzeQuery(index, 'which town did the flour trucks come from')).toMatchObject({ kind: 'where', expect: 'place' });
  });

  it('reads "why" as wanting a reason', () => {
    expect(analyzeQuery(index, 'why did the bakers strike')).toMatchObject({ kind: 'why', expect: 'reason' });
  });

  it('lets a forced kind (the /when command) override the words', () => {
    expect(analyzeQuery(index, 'the flour trucks arrived', 'when')).toMatchObject({ kind: 'when', expect: 'time' });
  });

  it('reads a contraction typed without apostrophe before detecting the kind', () => {
    const q = analyzeQuery(index, 'whos the manager');
    expect(q.normalized).toBe('who is the manager');
    expect(q.kind).toBe('who');
  });

  it('takes the noun a "how many" question counts as its head', () => {
    expect(analyzeQuery(index, 'how many bakers are there').head).toBe(stem('bakers'));
  });
});

describe('analyzeQuery: the role the wh-word plays', () => {
  it('"who praised the bakers" asks for the subject', () => {
    expect(analyzeQuery(index, 'who praised the bakers').role).toBe('subject');
  });

  it('"who did Ida Voss praise" asks for the object', () => {
    expect(analyzeQuery(index, 'who did Ida Voss praise').role).toBe('object');
  });

  it('"who is the manager" asks for neither', () => {
    expect(analyzeQuery(index, 'who is the manager').role).toBe('none');
  });
});

describe('analyzeQuery: flags', () => {
  it('marks a yes/no question and its negation', () => {
    expect(analyzeQuery(index, 'did Voss not praise the bakers')).toMatchObject({ yesNo: true, negated: true });
  });

  it('marks a question about who said something', () => {
    expect(analyzeQuery(index, 'who said the bakers went on strike').speech).toBe(true);
  });

  it('does not mark an ordinary question as speech, negated or yes/no', () => {
    expect(analyzeQuery(index, 'when did the flour trucks arrive')).toMatchObject({ speech: false, negated: false, yesNo: false });
  });
});

describe('analyzeQuery: names, initialisms and typos against the story', () => {
  it('spells out an initialism of the story\'s own multi-word name ("mm" → Morrow Mills)', () => {
    const q = analyzeQuery(index, 'when did the mm bakers strike');
    expect(q.normalized).toBe('when did the Morrow Mills bakers strike');
    expect(q.entities).toContain('morrow-mills');
  });

  it('spells out an initialism of a two-word noun WordNet has, which the story uses once, a title included', () => {
    const appeal = indexTiny(APPEAL);
    expect(analyzeQuery(appeal, 'what did the ag say about the ruling').normalized).toBe('what did the Attorney General say about the ruling');
    expect(answer(appeal, 'who', "who's the ag")).toMatchObject({ found: true, answer: expect.stringMatching(/Dana Price/) });
    expect(analyzeQuery(appeal, 'how much was the ni').normalized).toBe('how much was the net income');
    // "regional manager" is no WordNet noun, and the story says it once: no initialism.
    expect(analyzeQuery(appeal, 'what did the rm say').normalized).toBe('what did the rm say');
  });

  it('leaves a two-letter word alone when the story has no name with those initials', () => {
    expect(analyzeQuery(index, 'when did the zq bakers strike').normalized).toBe('when did the zq bakers strike');
  });

  it('finds a name typed in lower case and without its apostrophe ("dunhaven gazettes letter")', () => {
    const q = analyzeQuery(index, 'when did the dunhaven gazettes letter appear');
    expect(q.entities).toContain('dunhaven-gazette');
    expect(term('when did the dunhaven gazettes letter appear', 'gazettes').forms.has(stem("Gazette's"))).toBe(true);
  });

  it('reads a word for the people of a place the story names as that place ("germans": German, of Germany)', () => {
    const port = indexTiny({ slug: 'kiel-port', headline: 'Kiel port deal signed', paragraphs: ['Officials in Germany welcomed the port deal on Monday.'], date: '2025-02-03', outlet: 'Kiel Courier' });
    const q = analyzeQuery(port, 'did the germans welcome the port deal');
    const germany = port.aliases.find('Germany');
    expect(germany).toHaveLength(1);
    expect(q.entities).toContain(germany[0]);
    const germans = q.terms.find((t) => t.token === 'germans')!;
    expect(germans.known && germans.salient).toBe(true);
  });

  it('matches a misspelt story name as a typo, below full credit', () => {
    const t = term('where is Dunhavn', 'Dunhavn');
    expect(t).toMatchObject({ known: true, match: 'typo' });
    expect(t.forms.get(stem('Dunhaven'))).toBeGreaterThan(0);
    expect(t.forms.get(stem('Dunhaven'))).toBeLessThan(1);
  });

  it('reads a short misspelling with letters lost as the longer story word ("wensday": two edits, as the story word\'s length allows)', () => {
    expect(term('did the gazette print the letter on wensday', 'wensday').forms.get(stem('Wednesday'))).toBeGreaterThan(0);
    expect(term('did the gazette print the letter on wensdy', 'wensdy').forms.has(stem('Wednesday'))).toBe(false);
  });

  it('reads a misspelt English word through its one-edit neighbour ("arive" → the story\'s "arrival")', () => {
    const t = term('when did the flour trucks arive', 'arive');
    expect(t).toMatchObject({ known: true, english: false, match: 'typo' });
    expect([...t.forms.keys()]).toContain(stem('arrival'));
  });

  it('does not read an English word as a misspelling of a story word two edits away ("decrease" is not "increase")', () => {
    const fair = indexTiny({ slug: 'ashby-fair', headline: 'Ticket sales rise at the Ashby fair', paragraphs: ['Ticket sales increased by 20 percent at the Ashby fair on Sunday.'], date: '2024-05-20', outlet: 'Ashby Post' });
    const terms = analyzeQuery(fair, 'did ticket sales decrease').terms;
    expect(terms.find((t) => t.token === 'decrease')!.forms.has(stem('increased'))).toBe(false);
    expect(analyzeQuery(fair, 'did ticket sales increse').terms.find((t) => t.token === 'increse')!.forms.has(stem('increased'))).toBe(true);
  });

  it('reads two story words typed as one ("morrowmills") as the pair', () => {
    const t = term('when did the morrowmills bakers strike', 'morrowmills');
    expect(t.known).toBe(true);
    expect(t.forms.has(stem('Morrow'))).toBe(true);
    expect(t.forms.has(stem('Mills'))).toBe(true);
  });

  it('drops a stray letter pair that is no word and nothing of the story ("tp"), but keeps one typed as a name', () => {
    expect(analyzeQuery(index, 'why did the bakers go tp strike').terms.map((t) => t.token)).not.toContain('tp');
    expect(analyzeQuery(index, 'why did the bakers go TP strike').terms.map((t) => t.token)).toContain('TP');
  });

  it('matches a word the story uses exactly at full credit', () => {
    const t = term('when did the flour trucks arrive', 'flour');
    expect(t).toMatchObject({ known: true, match: 'exact' });
    expect(t.forms.get(stem('flour'))).toBe(1);
  });

  it('marks a name the story never uses as unknown and salient', () => {
    expect(term('did Dimitri join the strike', 'Dimitri')).toMatchObject({ known: false, salient: true, english: false });
  });

  it('marks a place the story never names as salient even typed in lower case, and a common word as not', () => {
    expect(term('did the bakers in texas strike', 'texas')).toMatchObject({ known: false, salient: true, english: true });
    expect(term('did the bakers strike over holidays', 'holidays')).toMatchObject({ known: false, salient: false, english: true });
  });

  it('reads a rounded or qualified figure as the story\'s figure it agrees with ("almost 48k" for 47,913), another figure not', () => {
    const match = indexTiny({ slug: 'ashby-derby', headline: 'Ashby wins the derby', paragraphs: ['A crowd of 47,913 at Ashby Park watched Ashby beat Calder on Sunday.'], date: '2024-05-20', outlet: 'Ashby Post' });
    const loose = analyzeQuery(match, 'did almost 48k fans watch the derby').terms.find((t) => t.token === '48')!;
    expect([...loose.forms.keys()]).toEqual(expect.arrayContaining([stem('47'), stem('913')]));
    expect(analyzeQuery(match, 'did 52,000 fans watch the derby').terms.find((t) => t.token === '52')!.forms.size).toBe(0);
  });

  it('marks a figure the story never gives as salient', () => {
    expect(term('did 450 bakers strike', '450')).toMatchObject({ known: false, salient: true });
  });

  it('weighs the measure of a "how long" question like a frame word, below its other words', () => {
    const q = analyzeQuery(index, 'how long did the bakers strike');
    expect(q.terms.find((t) => t.token === 'long')!.weight).toBeLessThan(q.terms.find((t) => t.token === 'strike')!.weight / 2);
    const plain = analyzeQuery(index, 'did the bakers strike for long');
    expect(plain.terms.find((t) => t.token === 'long')!.weight).toBeGreaterThan(q.terms.find((t) => t.token === 'long')!.weight);
  });

  it('weighs a word of the question\'s frame ("day" in "what day of the week") below its other words', () => {
    const q = analyzeQuery(index, 'what day of the week did the bakers strike');
    const day = q.terms.find((t) => t.token === 'day')!;
    const strike = q.terms.find((t) => t.token === 'strike')!;
    expect(day.weight).toBeLessThan(strike.weight);
  });
});

describe('storyMeaning (through the index): WordNet relations that reach the story\'s words', () => {
  it('a synonym reaches the story word: "salary" → the story\'s "pay"', () => {
    expect(index.meaning.storyTermsFor('salary').get(stem('pay'))).toBeGreaterThan(0);
  });

  it('a derivation reaches the story word: "patient" → the story\'s "patience"', () => {
    expect(index.meaning.storyTermsFor('patient').get(stem('patience'))).toBeGreaterThan(0);
  });

  it('a related word earns less than the word itself', () => {
    expect(index.meaning.storyTermsFor('salary').get(stem('pay'))).toBeLessThan(1);
  });

  it('knows a multi-word verb as typed ("puts out", "picked up") from two words that are none ("puts bread")', () => {
    expect(index.meaning.isVerbPhrase('puts out')).toBe(true);
    expect(index.meaning.isVerbPhrase('picked up')).toBe(true);
    expect(index.meaning.isVerbPhrase('puts bread')).toBe(false);
  });

  it('reads a multi-word verb as a whole: "walked out" → the story\'s "strike"', () => {
    expect(term('why did the bakers walk out', 'walk').forms.has(stem('strike'))).toBe(true);
    expect(term('why did the bakers walk home', 'walk').forms.has(stem('strike'))).toBe(false);
  });

  it('a word with no relation to the story reaches nothing', () => {
    expect(index.meaning.storyTermsFor('volcano').size).toBe(0);
  });

  it('a question word reaches the story word through analyzeQuery as a meaning match', () => {
    expect(term('what salary did the union ask for', 'salary')).toMatchObject({ known: true, match: 'meaning' });
  });

  it('finds the story\'s antonym of a claim word: "criticized" → praise', () => {
    expect(index.meaning.antonymsIn('criticized', new Set(index.vocabulary.keys()))).toBe('praise');
  });

  it('finds no antonym where the story has none: "blamed"', () => {
    expect(index.meaning.antonymsIn('blamed', new Set(index.vocabulary.keys()))).toBeNull();
  });

  it('knows adverb-only words ("personally", "quickly") from words with other uses ("fast")', () => {
    expect(index.meaning.isAdverbOnly('personally')).toBe(true);
    expect(index.meaning.isAdverbOnly('quickly')).toBe(true);
    expect(index.meaning.isAdverbOnly('fast')).toBe(false);
  });

  it('tells English words from names', () => {
    expect(index.meaning.isWord('bread')).toBe(true);
    expect(index.meaning.isWord('dunhaven')).toBe(false);
  });
});
