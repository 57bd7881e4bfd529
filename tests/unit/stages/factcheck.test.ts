/**
 * factcheck, element by element, on a tiny made-up story about a harbour bridge opening (ingested raw, so
 * attribution and certainty come from the machine-drafted facts): each test changes one element of a
 * sentence of the story and checks the verdict and which element the story gives differently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../src/answer/answer.ts';
import { engineOptions } from '../../../src/answer/options.ts';
import type { Answer } from '../../../src/answer/types.ts';
import type { StoryIndex } from '../../../src/search/index.ts';
import { expectValidAnswer } from '../helpers.ts';
import { BRIDGE, cleanupTiny, indexTiny, type TinyStory } from './tiny.ts';

let index: StoryIndex;
beforeAll(() => { index = indexTiny(BRIDGE); });
afterAll(cleanupTiny);

function check(claim: string): Answer {
  const a = answer(index, 'factcheck', claim);
  expectValidAnswer(index, a, 'factcheck');
  return a;
}

/** A tiny two-paragraph story from the Calder Gazette, dated 2024-05-06, indexed as the bot does it. */
const ferryStory = (slug: string, paragraphs: string[]) => indexTiny({ slug, headline: 'Ferry season results', paragraphs, date: '2024-05-06', outlet: 'Calder Gazette' });

describe('factcheck: supported', () => {
  it('supports a claim every element of which one passage states', () => {
    expect(check('Ostrova opened the Harbour Bridge on Saturday morning')).toMatchObject({ verdict: 'supported', paragraph: 1 });
  });

  it('supports the passive restated as active, roles kept', () => {
    expect(check('Tomas Reyes greeted Ostrova at the north gate')).toMatchObject({ verdict: 'supported', paragraph: 2 });
  });

  it('supports a figure given as the story gives it, with the story\'s source as evidence', () => {
    expect(check('The bridge cost $48 million')).toMatchObject({ verdict: 'supported', source: 'Calder Works Department' });
  });

  it('reads a word of an adverbial expression ("in question") as a modifier, not an element the story must state', () => {
    expect(check('The bridge in question cost $48 million').verdict).toBe('supported');
    expect(check('The bridge in Ashby cost $48 million').verdict).not.toBe('supported');
  });

  it('supports "first in 20 years" where the story says so', () => {
    expect(check('The Harbour Bridge is the first new crossing in the town in 20 years').verdict).toBe('supported');
  });
});

describe('factcheck: a more general word than the story\'s', () => {
  it('supports a claim that names a kind the story names by its general word ("boat" for its "ferry")', () => {
    expect(check('Boat traffic fell by 30% after the opening')).toMatchObject({ verdict: 'supported', paragraph: 3 });
  });

  it('does not take the more general word as stated with claimGeneralizes off', () => {
    const strict = indexTiny(BRIDGE, engineOptions({ claimGeneralizes: false }));
    expect(answer(strict, 'factcheck', 'Boat traffic fell by 30% after the opening').verdict).not.toBe('supported');
  });

  it('never supports a more specific word than the story\'s ("strolled" where people "walked")', () => {
    expect(check('About 12,000 people walked across the bridge on the first day').verdict).toBe('supported');
    expect(check('About 12,000 people strolled across the bridge on the first day').verdict).not.toBe('supported');
  });
});

describe('factcheck: contradicted, and by which element', () => {
  it('another figure', () => {
    expect(check('The bridge cost $52 million')).toMatchObject({ verdict: 'contradicted', reason: { element: 'number', claim: '$52 million', story: '$48 million' } });
  });

  it('another percentage', () => {
    expect(check('Ferry traffic fell by 40% after the opening')).toMatchObject({ verdict: 'contradicted', reason: { element: 'number', claim: '40%', story: '30%' } });
  });

  it('another year', () => {
    expect(check('Reyes said the steel deck was built in 2018')).toMatchObject({ verdict: 'contradicted', reason: { element: 'time', claim: '2018', story: '2019' } });
  });

  it('another weekday', () => {
    expect(check('Ostrova opened the Harbour Bridge on Sunday morning')).toMatchObject({ verdict: 'contradicted', reason: { element: 'time', claim: 'sunday', story: 'saturday' } });
    // The weekday is the value compared, not part of the event it is compared on: "opened … on sunday", typed lowercase, pins the opening.
    expect(check('ostrova opened the bridge on sunday')).toMatchObject({ verdict: 'contradicted', reason: { element: 'time', claim: 'sunday', story: 'saturday' } });
  });

  it('another year, the claim\'s relative date resolved against the publication date as the story\'s is', () => {
    const visit = indexTiny({ slug: 'ashby-mayor-visit', headline: 'Mayor of Calder returns to Ashby', paragraphs: ['Mayor Lena Ostrova first visited the Ashby harbour last year.', 'She met the harbour board on Monday.'], date: '2024-05-20', outlet: 'Ashby Herald' });
    const claim = (text: string) => answer(visit, 'factcheck', text);
    expect(claim('ostrova first visited the ashby harbour two years ago')).toMatchObject({ verdict: 'contradicted', reason: { element: 'time', claim: 'two years ago', story: 'last year' } });
    // A time after publication is a plan, another event: the story does not say, it does not contradict.
    expect(claim('ostrova will visit the ashby harbour next year').verdict).not.toBe('contradicted');
  });

  it('a contrasting prefix on the same base: "unipolar" where the story has "multi-polar"', () => {
    const league = indexTiny({ slug: 'calder-chess-league', headline: 'Calder chess clubs form a league', paragraphs: ['The Calder and Ashby clubs want a multi-polar league with no single leading club.', 'The league starts in May.'], date: '2024-03-11', outlet: 'Ashby Herald' });
    expect(answer(league, 'factcheck', 'the calder and ashby clubs want a unipolar league')).toMatchObject({ verdict: 'contradicted', reason: { element: 'description', claim: 'unipolar' } });
  });

  it('an antonym: "rose" where the story has "fell", the reason quoting the story\'s own word', () => {
    expect(check('Ferry traffic rose by 30% after the opening')).toMatchObject({ verdict: 'contradicted', reason: { element: 'description', claim: 'rose', story: 'fell' } });
  });

  it('a negation of what the story states', () => {
    expect(check('Ostrova did not open the Harbour Bridge in Calder')).toMatchObject({ verdict: 'contradicted', reason: { element: 'negation' } });
  });

  it('swapped roles: "Ostrova greeted Reyes" where Reyes greeted Ostrova', () => {
    expect(check('Ostrova greeted Reyes at the north gate')).toMatchObject({ verdict: 'contradicted', reason: { element: 'roles' } });
  });

  it('another source: "according to Tomas Reyes" where the story credits the Calder Works Department', () => {
    expect(check('The bridge cost $48 million, according to Tomas Reyes')).toMatchObject({
      verdict: 'contradicted', reason: { element: 'source', claim: 'Tomas Reyes', story: 'Calder Works Department' },
    });
  });

  it('an overreach: "first ever" where the story says "first … in 20 years"', () => {
    const a = check('The Harbour Bridge is the first ever crossing in Calder');
    expect(a).toMatchObject({ verdict: 'contradicted', reason: { element: 'overreach', claim: 'first ever' } });
    expect(a.reason?.story).toMatch(/in 20 years/);
  });

  it('names the element in the message', () => {
    expect(check('The bridge cost $52 million').message).toContain('the story gives $48 million, not $52 million');
  });
});

describe('factcheck: a judgement the story makes the other way (AFINN valence)', () => {
  const REVIEW = {
    slug: 'calder-ferry-review',
    headline: 'Calder council reviews the harbour ferry',
    paragraphs: [
      'The harbour council praised the new ferry timetable on Monday.',
      'Residents voiced worries about the higher ferry fares in a letter to the council.',
    ],
    date: '2024-05-06',
    outlet: 'Calder Gazette',
  };
  let review: StoryIndex;
  beforeAll(() => { review = indexTiny(REVIEW); });
  const judge = (claim: string, story = review) => answer(story, 'factcheck', claim);

  it('contradicts a claim judging the other way than the story, quoting the story\'s word', () => {
    expect(judge('The harbour council condemned the new ferry timetable')).toMatchObject({ verdict: 'contradicted', reason: { element: 'description', claim: 'condemned', story: 'praised' } });
    expect(judge('Residents welcomed the higher ferry fares')).toMatchObject({ verdict: 'contradicted', reason: { element: 'description', claim: 'welcomed', story: 'worries' } });
  });

  it('leaves a judgement the story shares, or one of something else, alone', () => {
    expect(judge('The harbour council praised the new ferry timetable').verdict).toBe('supported');
    expect(judge('The harbour council condemned the old bridge design').verdict).not.toBe('contradicted');
  });

  it('rates a word AFINN lacks by the words of its likeliest sense, and lets no word of a name judge', () => {
    // "apprehensions" is rated through its synonym "dread"; "Fair" in the council's name is no judgement.
    const port = indexTiny({
      slug: 'calder-port-plan', headline: 'Calder port plan meets doubts', date: '2024-05-06', outlet: 'Calder Gazette',
      paragraphs: ['Harbour council members, the Fair Trade Union and dockers voiced apprehensions about the new port plan on Tuesday.'],
    });
    expect(judge('Harbour council members praised the new port plan', port)).toMatchObject({ verdict: 'contradicted', reason: { element: 'description', claim: 'praised', story: 'apprehensions' } });
  });

  it('checks a short claim against the near-best passage that holds its names, when the best one does not state it', () => {
    // The best match for "Ashby welcomed the timetable" is the staff's welcome; the sentence about Ashby says otherwise.
    const ferry = indexTiny({
      slug: 'ashby-ferry', headline: 'Ferry timetable changes', date: '2024-05-06', outlet: 'Calder Gazette',
      paragraphs: ['Harbour staff welcomed the new ferry timetable on Monday.', 'The timetable has raised concerns in Ashby about late sailings.'],
    });
    expect(judge('Ashby welcomed the timetable', ferry)).toMatchObject({ verdict: 'contradicted', paragraph: 2, reason: { element: 'description', claim: 'welcomed', story: 'concerns' } });
    expect(judge('Harbour staff welcomed the timetable', ferry)).toMatchObject({ verdict: 'supported', paragraph: 1 });
  });

  it('does not judge with opposedValence 0', () => {
    const off = indexTiny(REVIEW, engineOptions({ opposedValence: 0 }));
    expect(judge('Residents welcomed the higher ferry fares', off).verdict).not.toBe('contradicted');
  });
});

describe('factcheck: disputed', () => {
  it('a belief the story reports only as believed', () => {
    expect(check('Tolls will rise next year')).toMatchObject({ verdict: 'disputed', certainty: 'alleged' });
  });

  it('a claim the story reports as denied', () => {
    expect(check('The project ran over budget')).toMatchObject({ verdict: 'disputed', certainty: 'denied', source: 'Lena Ostrova' });
  });

  it('supports the claim that it was denied', () => {
    expect(check('Ostrova denied that the project ran over budget')).toMatchObject({ verdict: 'supported', certainty: 'denied' });
  });

  it('supports the claim that it is believed', () => {
    expect(check('It is believed that tolls will rise next year').verdict).toBe('supported');
  });
});

describe('factcheck: not in the story', () => {
  it('something the story never mentions', () => {
    const a = check('Ostrova opened a casino in Calder');
    expect(a).toMatchObject({ found: false, verdict: 'not_in_story', passage: null });
    expect(a.closest).toBeDefined();
  });

  it('a place the story never mentions, named as unknown', () => {
    expect(check('Ostrova thanked architect Mira Holm for the design in Brenton')).toMatchObject({ verdict: 'not_in_story', unknownNames: ['Brenton'] });
  });

  it('is never "supported" when one content word of the claim is absent from the evidence', () => {
    const base = 'Ostrova thanked architect Mira Holm for the design';
    expect(check(base).verdict).toBe('supported');
    for (const claim of [
      'Ostrova thanked architect Mira Holm for the wooden design',
      'Ostrova thanked architect Mira Holm for the daring design',
      'Ostrova thanked architect Mira Holm for the costly design',
      'Ostrova thanked architect Mira Holm for the elegant design',
      'Ostrova thanked architect Mira Holm for the design of the tower',
      'Ostrova thanked architect Mira Holm for the design on Friday',
    ]) {
      expect(check(claim).verdict, claim).not.toBe('supported');
    }
  });
});

describe('factcheck: a figure typed qualified and scaled is one element', () => {
  it('supports "almost 2k passengers" for 1,980, and does not read "thousand" or "almost" as words of their own', () => {
    const ferry = ferryStory('ferry-figures', ['The ferry carried 1,980 passengers on Monday.', 'Thousands of passengers have used the pier since it opened, almost all of them walkers.']);
    expect(answer(ferry, 'factcheck', 'the ferry carried almost 2k passengers on monday')).toMatchObject({ verdict: 'supported', paragraph: 1 });
    expect(answer(ferry, 'factcheck', 'the ferry carried nearly two thousand passengers')).toMatchObject({ verdict: 'supported', paragraph: 1 });
    expect(answer(ferry, 'factcheck', 'the ferry carried over 5 thousand passengers')).toMatchObject({ verdict: 'contradicted', reason: { element: 'number' } });
  });
});

describe('factcheck: another owner, with the owned thing misspelt', () => {
  it('contradicts "france\'s newspaer" where the story has Wales\'s newspaper, as it does spelt right', () => {
    const herald = ferryStory('harbour-herald', ['The timetable was printed in the Harbour Herald, Wales’s weekly newspaper, on Monday.', 'Passengers in France welcomed the later sailings.']);
    for (const claim of ['the harbour herald is france\'s newspaer', 'the harbour herald is france\'s newspaper']) {
      expect(answer(herald, 'factcheck', claim), claim).toMatchObject({ verdict: 'contradicted', reason: { element: 'place', claim: 'france', story: 'Wales' } });
    }
  });
});

describe('factcheck: an unknown name is checked against a slot of its own kind', () => {
  it('does not call a person the story never names a wrong place', () => {
    const pier = ferryStory('paris-pier', ['Harbour master Ruth Okafor thanked the crews.', 'The new pier opened in Paris on Monday.']);
    // "Ruth Smith" is a person (her first name is a story person's), so Paris is not what she contradicts.
    expect(answer(pier, 'factcheck', 'ruth smith opened the new pier in paris on monday').verdict).toBe('not_in_story');
    expect(answer(pier, 'factcheck', 'the new pier opened in paris on monday').verdict).toBe('supported');
  });
});

describe('factcheck: another source, named by surname only', () => {
  it('contradicts a statement credited to someone else than the story credits it to', () => {
    const ruling = indexTiny({
      slug: 'calder-ruling', headline: 'Court ruling draws reactions', date: '2024-05-06', outlet: 'Calder Gazette',
      paragraphs: ['President Joe Biden said the ruling was a sad day for the country.', 'Senate leader Mitch McConnell called the ruling "courageous and correct."'],
    });
    expect(answer(ruling, 'factcheck', 'biden called the ruling courageous and correct')).toMatchObject({ verdict: 'contradicted', reason: { element: 'source', claim: 'Joe Biden', story: 'Mitch McConnell' } });
    expect(answer(ruling, 'factcheck', 'mcconnell called the ruling courageous and correct').verdict).toBe('supported');
  });
});

describe('factcheck: a word of many senses that the story itself uses', () => {
  // "gaming" is read as a form of "game", whose many senses make it a word that says little on its own; but the
  // story uses it, in another sentence, so a claim with it is about that, not about revenue as a whole.
  it('is an element the passage must state', () => {
    const results = indexTiny({
      slug: 'calder-results', headline: 'Calder Games reports results', date: '2024-05-06', outlet: 'Calder Gazette',
      paragraphs: ['Revenue rose 20% in the fourth quarter, the company said.', 'Gaming revenue fell 5% over the year.'],
    });
    expect(answer(results, 'factcheck', 'revenue rose in the fourth quarter').verdict).toBe('supported');
    expect(answer(results, 'factcheck', 'gaming revenue rose in the fourth quarter').verdict).not.toBe('supported');
  });
});

describe('factcheck: an exchange told from either side', () => {
  const TRADE = {
    slug: 'ashby-dunmore-trade',
    headline: 'Ashby and Dunmore renew their trade',
    paragraphs: ['Ashby has supplied timber to Dunmore in exchange for grain, the Ashby council said.', 'The deal runs for two years.'],
    date: '2024-04-14',
    outlet: 'Ashby Gazette',
  } as const satisfies TinyStory;
  let trade: StoryIndex;
  beforeAll(() => { trade = indexTiny(TRADE); });
  const verdictOf = (claim: string) => answer(trade, 'factcheck', claim).verdict;

  it('is supported with the names and the goods both the other way round', () => {
    expect(verdictOf('dunmore supplied ashby with grain in return for timber')).toBe('supported');
    expect(verdictOf('ashby supplied timber to dunmore in exchange for grain')).toBe('supported');
  });

  it('is contradicted, by its roles, with only the goods or only the names turned', () => {
    expect(answer(trade, 'factcheck', 'ashby supplied dunmore with grain in exchange for timber')).toMatchObject({ verdict: 'contradicted', reason: { element: 'roles' } });
    expect(answer(trade, 'factcheck', 'dunmore supplied timber to ashby in exchange for grain')).toMatchObject({ verdict: 'contradicted', reason: { element: 'roles' } });
  });
});

describe('factcheck: a verb that only says whether the next one happened', () => {
  it('reads "didn\'t bother going to X to greet Y" by its greeting, and "managed to greet" as greeted', () => {
    expect(check('Reyes didnt bother going to the north gate to greet Ostrova')).toMatchObject({ verdict: 'contradicted', paragraph: 2 });
    expect(check('Reyes managed to greet Ostrova at the north gate')).toMatchObject({ verdict: 'supported', paragraph: 2 });
  });
  it('keeps a verb that changes what happened ("failed to greet") as an element the story must state', () => {
    expect(check('Reyes failed to greet Ostrova at the north gate').verdict).not.toBe('supported');
  });
});

describe('factcheck: "the headline"', () => {
  it('reads "the headline" as the story\'s headline, paragraph 0', () => {
    const ferry = ferryStory('ferry-record', ['The ferry carried a record 1,980 passengers on Monday, the operator said.']);
    expect(answer(ferry, 'factcheck', 'the headline calls it a season of results')).toMatchObject({ verdict: 'supported', paragraph: 0 });
    expect(answer(ferry, 'factcheck', 'the headline calls it a season of losses').verdict).not.toBe('supported');
  });
});

describe('factcheck: "the article says X" is the claim X', () => {
  it('checks what follows the lead-in', () => {
    expect(check('the article says Ostrova opened the Harbour Bridge on Saturday morning')).toMatchObject({ verdict: 'supported', paragraph: 1 });
    expect(check('the story says Ostrova opened the Harbour Bridge on Sunday morning').verdict).toBe('contradicted');
  });
});
