/**
 * Extraction, abstention and drafted facts, on a tiny made-up story about a harbour bridge opening,
 * ingested raw (sources, entities and facts drafted by machine) and answered through `answer`/`resolve`
 * or the extraction stage itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, resolve } from '../../../src/answer/answer.ts';
import { extractAnswer } from '../../../src/answer/extract.ts';
import { engineOptions } from '../../../src/answer/options.ts';
import { analyzeQuery } from '../../../src/answer/query.ts';
import { NOT_FOUND_CHARS } from '../../../src/render/messages.ts';
import type { StoryIndex } from '../../../src/search/index.ts';
import { expectValidAnswer } from '../helpers.ts';
import { BAKERY, BRIDGE, MATCH, cleanupTiny, indexTiny } from './tiny.ts';

let index: StoryIndex;
beforeAll(() => { index = indexTiny(BRIDGE); });
afterAll(cleanupTiny);

/** The index of the sentence that starts with the given words. */
function sentenceAt(start: string): number {
  const s = index.story.sentences.find((x) => x.text.startsWith(start));
  expect(s, `a sentence starting "${start}"`).toBeDefined();
  return s!.index;
}

/** `answer` for `ask`, checked against the invariants every Answer keeps. */
function ask(question: string) {
  const a = answer(index, 'ask', question);
  expectValidAnswer(index, a, 'ask');
  return a;
}

/** A tiny story from the Calder Gazette, dated 2024-05-06, indexed as the bot does it (with the given engine options). */
const gazette = (slug: string, headline: string, paragraphs: string[], options?: Parameters<typeof engineOptions>[0]) =>
  indexTiny({ slug, headline, paragraphs, date: '2024-05-06', outlet: 'Calder Gazette' }, options && engineOptions(options));

describe('extraction: the short answer', () => {
  it('answers "who is X" with the title the story gives X right before the name, for a drafted person or source', () => {
    expect(index.story.sources.find((x) => x.id === 'tomas-reyes')?.kind).toBe('person');
    expect(ask('who is tomas reyes')).toMatchObject({ found: true, answer: 'engineer' });
    expect(ask('who is mira holm')).toMatchObject({ found: true, answer: 'architect' });
  });

  it('gives the subject for "who X-ed Y"', () => {
    expect(ask('who opened the Harbour Bridge').answer).toBe('Lena Ostrova');
  });

  it('gives the object for "who did Y X"', () => {
    expect(ask('who did Ostrova thank')).toMatchObject({ found: true, answer: 'Mira Holm', paragraph: 2 });
  });

  it('gives the agent of a passive sentence for "Y was X-ed by who"', () => {
    expect(ask('Ostrova was greeted by who')).toMatchObject({ found: true, answer: 'Tomas Reyes', paragraph: 2 });
  });

  it('gives the agent of a passive sentence for "who was Y X-ed by"', () => {
    expect(ask('who was Ostrova greeted by').answer).toBe('Tomas Reyes');
  });

  it('gives a time for "when"', () => {
    expect(ask('when did Ostrova open the Harbour Bridge')).toMatchObject({ found: true, answer: 'on Saturday morning', paragraph: 1 });
  });

  it('gives a year for "when" about a dated event', () => {
    expect(ask('when was the steel deck built').answer).toBe('2019');
  });

  it('gives a place for "where"', () => {
    expect(ask('where was Ostrova greeted').answer).toBe('the north gate');
  });

  it('gives a figure that counts the asked noun for "how many N"', () => {
    expect(ask('how many people walked across the bridge').answer).toMatch(/\b12,000\b/);
  });

  it('the extraction stage does not take a figure that counts something else for "how many N"', () => {
    const s = sentenceAt('Ferry traffic fell');
    expect(extractAnswer(index, s, analyzeQuery(index, 'how many people walked across the bridge'))).toBeNull();
  });

  it('gives the amount for "how much did X cost"', () => {
    expect(ask('how much did the bridge cost').answer).toBe('$48 million');
  });

  it('does not answer with what the question already says', () => {
    const a = ask('who opened the Harbour Bridge');
    expect(a.found).toBe(true);
    expect(a.answer).not.toMatch(/Harbour|Bridge/);
  });

  it('the extraction stage does not give a sentence\'s cited source for a question not about who said it', () => {
    const s = sentenceAt('The bridge cost');
    const short = extractAnswer(index, s, analyzeQuery(index, 'who paid $48 million for the bridge'));
    expect(short ?? '').not.toMatch(/Calder Works/);
  });

  it('the extraction stage gives the cited source when the question asks who said it', () => {
    const s = sentenceAt('The bridge cost');
    expect(extractAnswer(index, s, analyzeQuery(index, 'who said the bridge cost $48 million'))).toMatch(/Calder Works Department/);
  });
});

describe('drafted facts are used', () => {
  it('"according to X" in the raw story becomes the answer\'s source', () => {
    expect(ask('how much did the bridge cost').source).toBe('Calder Works Department');
  });

  it('"X said" in the raw story becomes the answer\'s source', () => {
    expect(ask('when was the steel deck built').source).toBe('Tomas Reyes');
  });

  it('a passage in the article\'s own voice is the article\'s own reporting', () => {
    expect(ask('where was Ostrova greeted').source).toBe("the article's own reporting");
  });

  it('"who said …" is answered with the drafted source', () => {
    expect(ask('who said the steel deck was built in 2019')).toMatchObject({ found: true, answer: 'Tomas Reyes', source: 'Tomas Reyes' });
  });

  it('a denial in the raw story makes the passage denied', () => {
    expect(answer(index, 'factcheck', 'the project ran over budget').certainty).toBe('denied');
  });
});

describe('abstention: the story does not say', () => {
  /** A not-found answer: no passage, the closest one marked, and a short message. */
  function expectNotFound(question: string) {
    const a = ask(question);
    expect(a.found).toBe(false);
    expect(a.passage).toBeNull();
    expect(a.closest).toBeDefined();
    expect(index.story.paragraphs[a.closest!.paragraph]).toContain(a.closest!.passage);
    expect(a.message.length).toBeLessThanOrEqual(NOT_FOUND_CHARS);
    return a;
  }

  it('names an unknown name the question asks about', () => {
    const a = expectNotFound('who is the mayor of Brenton');
    expect(a.unknownNames).toContain('Brenton');
    expect(a.message).toContain('Brenton');
  });

  it('does not answer a question about the story\'s people on a matter it never touches', () => {
    expectNotFound('when was Lena Ostrova born');
  });

  it('does not answer "how many" about a matter the story gives no figure for', () => {
    expectNotFound('how many children does Ostrova have');
  });

  it('a when-question whose best passage has no time is not found, and says no time is given', () => {
    const a = expectNotFound('when did Ostrova thank Mira Holm');
    expect(a.missing).toBe('time');
    expect(a.closest!.paragraph).toBe(2);
  });

  it('a how-many question whose best passage has no figure is not found, and says no figure is given', () => {
    const a = expectNotFound('how many people did Reyes greet');
    expect(a.missing).toBe('number');
  });

  it('an empty question is a usage hint, not an answer', () => {
    const a = resolve(index, 'ask', '   ');
    expect(a).toMatchObject({ found: false, usage: true });
  });
});

describe('two-part questions through the engine', () => {
  it('answers "who … and where" part by part', () => {
    const a = ask('who greeted Ostrova and where');
    expect(a.parts?.map((p) => p.answer)).toEqual(['Tomas Reyes', 'the north gate']);
    expect(a.answer).toBe('Tomas Reyes; the north gate');
  });
});

describe('extraction: the verb the question asks about', () => {
  /** A one-paragraph story of the Calder Courier. */
  const courier = (slug: string, headline: string, paragraph: string) => indexTiny({ slug, headline, paragraphs: [paragraph], date: '2024-05-20', outlet: 'Calder Courier' });
  let match: StoryIndex;
  let port: StoryIndex;
  beforeAll(() => {
    match = courier('harbour-cup-final', 'Calder wins the Harbour Cup', 'Late in the game, Adams stripped the ball from Brooks, and after a scramble it was recovered by Clarke near the line.');
    port = courier('calder-port-deal', 'Calder port changes hands', 'Shares of Brenmoor rose as Norvik\'s sudden takeover of Calder Port was approved on Monday.');
  });

  it('reads the role against the question\'s verb, not against a noun of it that the passage uses as a verb', () => {
    const s = match.story.sentences.find((x) => x.text.startsWith('Late in the game'))!.index;
    expect(extractAnswer(match, s, analyzeQuery(match, 'who recovered the strip ball'))).toBe('Clarke');
    expect(extractAnswer(match, s, analyzeQuery(match, 'who stripped the ball'))).toBe('Adams');
  });

  it('with the verb only as a noun ("takeover"), answers "who took over X" with the possessive before it, and "who did X take over" with what follows its "of"', () => {
    const s = port.story.sentences.find((x) => x.text.startsWith('Shares of Brenmoor'))!.index;
    expect(extractAnswer(port, s, analyzeQuery(port, 'who took over calder port', 'who'))).toBe('Norvik');
    expect(extractAnswer(port, s, analyzeQuery(port, 'who did norvik take over', 'who'))).toBe('Calder Port');
  });
});

describe('abstention: a question that turns its passage around', () => {
  let bakery: StoryIndex;
  beforeAll(() => { bakery = indexTiny(BAKERY); });

  it('does not answer a question whose word is the antonym of the passage\'s ("criticized" where it says "praised")', () => {
    expect(answer(bakery, 'ask', 'who criticized the bakers for their patience').found).toBe(false);
    expect(answer(bakery, 'ask', 'who praised the bakers for their patience')).toMatchObject({ found: true, answer: 'Ida Voss' });
  });

  it('does not answer a question whose word is the passage\'s with a negative prefix ("indefinite" where it says "definite")', () => {
    const court = indexTiny({ slug: 'ashby-appeal', headline: 'Ashby court rules on the mill appeal', paragraphs: ['Judge Ana Ruiz gave a definite answer on the mill appeal on Monday.', 'The court published a complete list of the witnesses. It held a non-binding vote on the fees.'], date: '2025-06-02', outlet: 'Ashby Herald' });
    const fees = court.story.sentences.find((x) => x.text.includes('non-binding'))!.index;
    expect(court.meaning.antonymsIn('binding', court.sentenceTerms[fees]!)).toBe('non-binding');
    expect(answer(court, 'ask', 'who gave an indefinite answer on the mill appeal').found).toBe(false);
    expect(answer(court, 'ask', 'who gave a definite answer on the mill appeal')).toMatchObject({ found: true, answer: 'Ana Ruiz' });
  });
});

describe('drafted facts: the question\'s own verb', () => {
  let match: StoryIndex;
  beforeAll(() => {
    match = indexTiny({
      slug: 'calder-cup-final',
      headline: 'Calder wins the cup',
      paragraphs: ['Adams scored from the penalty spot in the 20th minute after Brooks tripped Clarke near the line.'],
      date: '2024-05-20',
      outlet: 'Calder Courier',
    });
  });

  it('answers "who VERB-ed" with that verb\'s subject, not the drafted subject of the sentence\'s main clause', () => {
    expect(answer(match, 'who', 'who tripped Clarke').answer).toBe('Brooks');
    expect(answer(match, 'who', 'who scored from the penalty spot').answer).toBe('Adams');
  });
});

describe('"who is <description>": the person the description names', () => {
  it('answers with the one the title goes with, not the subject of the drafted clause', () => {
    expect(ask('who was the architect').answer).toBe('Mira Holm');
    expect(ask('who was the engineer').answer).toBe('Tomas Reyes');
  });

  it('leaves out the title the question already gave', () => {
    const match = indexTiny(MATCH);
    expect(answer(match, 'who', 'who is the striker').answer).toBe('Jonas Pike');
  });
});

describe('extraction: a candidate WordNet knows as a kind of the asked-for noun', () => {
  it('answers "which vessel" with the ferry, not another noun of the sentence', () => {
    const trip = indexTiny({ slug: 'trade-delegation', headline: 'A trade delegation tours the south', paragraphs: ['The delegation left the coast by ferry on Monday and reached the old harbour quarter of Marseille after a long crossing.'], date: '2024-05-20', outlet: 'Calder Courier' });
    expect(answer(trip, 'ask', 'which vessel did the delegation leave by').answer).toBe('ferry');
    expect(answer(trip, 'ask', 'which city did the delegation reach').answer).toBe('Marseille');
  });
});

describe('extraction: an asked-for group is no person', () => {
  it('answers "which organisation" with the union, not the person who spoke for it', () => {
    const ferry = gazette('ferry-union', 'Ferry timetable criticised', ['Speaking for the Ferry Workers Union, Ruth Okafor criticised the new timetable on Monday.', 'Passengers welcomed the later sailings.']);
    expect(answer(ferry, 'ask', 'which organisation criticised the new timetable').answer).toBe('Ferry Workers Union');
    expect(answer(ferry, 'ask', 'who criticised the new timetable').answer).toBe('Ruth Okafor');
  });
});

describe('extraction: an amount of a possession is money', () => {
  it('answers "how much profit" with the sum, and "how much did profit rise" with the change', () => {
    const ferry = gazette('ferry-profit', 'Ferry profit jumps', ['Profit at Ashby Ferries jumped 40% to $2.5 million in the year to March.', 'Passengers welcomed the later sailings.']);
    expect(answer(ferry, 'ask', 'how much profit did ashby ferries make').answer).toBe('$2.5 million');
    expect(answer(ferry, 'ask', 'how much did profit rise').answer).toBe('40%');
  });
});

describe('extraction: the answer comes from the clause that holds the question\'s words', () => {
  const paragraphs = ['Published at a time of rising demand for Welsh-language papers, Okafor’s version quickly became a popular and influential harbour chart.'];
  it('answers from the main clause, not from the phrase before its comma (clauseWords)', () => {
    expect(answer(gazette('harbour-chart', 'Ferry season results', paragraphs), 'ask', "what work of okafor's became popular").answer).toBe('harbour chart');
  });
  it('counts words only with clauseWords 0', () => {
    const wordsOnly = gazette('harbour-chart', 'Ferry season results', paragraphs, { clauseWords: 0 });
    expect(answer(wordsOnly, 'ask', "what work of okafor's became popular").answer).toBe('Welsh-language papers');
  });
});

describe('a place the question names, where the story has only its adjective', () => {
  it('answers "cyclists from france" from "French cyclists", and still abstains for a place the story does not name', () => {
    const ferry = gazette('ferry-cyclists', 'Ferry season results', ['The ferry carried 40 French cyclists to Ashby on Monday.', 'Passengers welcomed the later sailings.']);
    expect(answer(ferry, 'ask', 'how many cyclists from france did the ferry carry')).toMatchObject({ found: true, answer: '40' });
    expect(answer(ferry, 'ask', 'how many cyclists from spain did the ferry carry').found).toBe(false);
  });
});

describe('extraction: "why" answered by what a feeling is about', () => {
  it('answers why people are worried with the object of their apprehensions', () => {
    const port = indexTiny({ slug: 'harbour-wall', headline: 'Fishermen object to the harbour wall', paragraphs: ['Local fishermen have voiced apprehensions about the new harbour wall at the town meeting.', 'The council said work starts in May.'], date: '2024-05-20', outlet: 'Calder Courier' });
    const a = answer(port, 'why', 'why are the fishermen worried');
    expect(a).toMatchObject({ found: true, paragraph: 1 });
    expect(a.answer).toMatch(/harbour wall/);
  });
});

describe('"when": a time the paragraph set earlier', () => {
  it('answers with the day of the nearest earlier time of the paragraph, resting on the passage that tells what happened', () => {
    const port = indexTiny({ slug: 'ferry-terminal', headline: 'Calder opens its ferry terminal', paragraphs: ['Mayor Lena Ostrova arrived at the port early on Friday. The schedule for the day included a ribbon cutting at the new ferry terminal, according to the Calder Works Department.', 'The terminal cost $12 million.'], date: '2024-05-20', outlet: 'Calder Courier' });
    const a = answer(port, 'when', 'when was the ribbon cutting');
    expect(a).toMatchObject({ found: true, paragraph: 1, answer: 'Friday' });
    expect(a.passage).toMatch(/^The schedule for the day/);
    expect(a.source).toMatch(/Calder Works Department/);
    // Not from another paragraph: the second one has no time, and the first is not its context.
    expect(answer(port, 'when', 'when did the terminal cost $12 million').found).toBe(false);
  });

  it('answers with the earlier time itself, resting on its sentence, when that time names no day', () => {
    const port = indexTiny({ slug: 'ferry-terminal', headline: 'Calder opens its ferry terminal', paragraphs: ['Mayor Lena Ostrova arrived at the port in the afternoon. She then opened the new ferry terminal and cut a ribbon.', 'The terminal cost $12 million.'], date: '2024-05-20', outlet: 'Calder Courier' });
    const a = answer(port, 'when', 'when did the mayor open the ferry terminal');
    expect(a).toMatchObject({ found: true, paragraph: 1 });
    expect(a.answer).toMatch(/afternoon/);
    expect(a.passage).toMatch(/^Mayor Lena Ostrova arrived/);
  });
});

describe('"what was the N" for a noun WordNet gives a sense as a quantity', () => {
  it('answers "what was the final score" with the score alone', () => {
    const cup = gazette('county-cup', 'Ferry season results', ['Calder Rovers defeated the defending champions Ashby Town 20–18 in the County Cup final, with captain Ruth Okafor scoring twice.', 'The home side had lost the first game of the season.']);
    expect(answer(cup, 'ask', 'What was the final score of the County Cup final?')).toMatchObject({ found: true, answer: '20–18', paragraph: 1 });
  });
});

describe('a question placing its event after another', () => {
  it('answers from the sentence after the one that tells of the other event, when it has the question\'s verb', () => {
    const trip = gazette('mayor-trip', 'Ferry season results', ['Mayor Lena Ostrova landed at Calder airport on Friday. She then drove with her staff to the new ferry terminal.', 'The terminal cost $12 million.']);
    expect(answer(trip, 'ask', 'where did the mayor drive after the airport')).toMatchObject({ found: true, answer: 'the new ferry terminal', passage: expect.stringMatching(/^She then drove/) });
    expect(answer(trip, 'ask', 'where did the mayor land')).toMatchObject({ found: true, passage: expect.stringMatching(/^Mayor Lena Ostrova landed/) });
  });
});

describe('"when": a time on the other side of publication is another event', () => {
  it('answers a past question with a past time and a future one with a time to come', () => {
    expect(answer(index, 'when', 'when was the steel deck built').answer).toMatch(/2019/);
    expect(answer(index, 'when', 'when will tolls rise').answer).toMatch(/next year/);
  });

  it('does not answer "when will" with a time the story places before publication, nor "when did" with one still to come', () => {
    for (const q of ['when will the steel deck be built', 'when did tolls rise']) {
      const a = answer(index, 'when', q);
      expectValidAnswer(index, a, 'when');
      expect(a, q).toMatchObject({ found: false, answer: null });
      expect(a.closest?.paragraph, q).toBe(4);
    }
  });
});

describe('"how old": an age, however English gives it', () => {
  let club: StoryIndex;
  beforeAll(() => {
    club = indexTiny({ slug: 'rovers-coach', headline: 'Rovers name a new coach', paragraphs: ['Coach Elsa Brandt, 41, signed a two-year contract on Monday.', 'Her assistant Jonas Pike retired at age 58 after 12 seasons.', 'The club was founded 90 years ago.'], date: '2024-05-20', outlet: 'Ashby Herald' });
  });

  it('answers with the figure between commas after the name, or after "at age"', () => {
    expect(answer(club, 'ask', 'how old is elsa brandt').answer).toBe('41');
    expect(answer(club, 'ask', 'how old was pike when he retired').answer).toBe('58');
  });
});

describe('"what was X like": the word the passage describes it with', () => {
  it('answers with the adjective or adverb next to the asked-about word', () => {
    const gate = indexTiny({ slug: 'gate-welcome', headline: 'Calder greets its mayor', paragraphs: ['Fishermen gave Mayor Lena Ostrova a noisy welcome at the north gate on Saturday.', 'She later spoke briefly at the town hall.'], date: '2024-05-20', outlet: 'Calder Courier' });
    expect(answer(gate, 'what', "what was the mayor's welcome like").answer).toBe('noisy');
    expect(answer(gate, 'what', 'what was her speech at the town hall like').answer).toBe('briefly');
  });
});

describe('yes/no: a question about what the story says is a question about the claim', () => {
  it('reads "does the article say (for sure) that X" and "is it true that X" as "X?"', () => {
    expect(ask('does the article say for sure that tolls will rise next year')).toMatchObject({ found: true, yesNo: 'not_established', paragraph: 4 });
    expect(ask('is it true that Ostrova opened the Harbour Bridge')).toMatchObject({ found: true, yesNo: 'yes', paragraph: 1 });
    expect(ask('does the story say that Ostrova opened a casino').found).toBe(false);
  });
});

describe('abstention: a question set at another time than its passage', () => {
  it('does not answer from a passage dated to another year than the question names', () => {
    const deck = indexTiny({ slug: 'calder-deck', headline: 'A new deck for the Calder bridge', paragraphs: ['The old Calder bridge opened in 1965 with a wooden deck.', 'Engineer Tomas Reyes said the steel deck was laid in 2019 by a firm from Ashby.'], date: '2024-05-20', outlet: 'Calder Courier' });
    expect(answer(deck, 'ask', 'what deck did the bridge open with in 1965')).toMatchObject({ found: true, paragraph: 1 });
    expect(answer(deck, 'ask', 'who laid the steel deck in 2019')).toMatchObject({ found: true, paragraph: 2 });
    for (const q of ['what deck did the bridge open with in 2019', 'who laid the steel deck in 1965']) {
      const a = answer(deck, 'ask', q);
      expect(a, q).toMatchObject({ found: false, answer: null });
      expect(a.closest, q).toBeDefined();
    }
  });
});

describe('extraction: a "to" that names no place', () => {
  it('does not answer "where" with what follows "according to" or "due to"', () => {
    const gala = indexTiny({ slug: 'calder-gala', headline: 'Calder plans a gala', paragraphs: ['A gala concert is planned for Saturday, according to a council report.', 'The concert was moved due to the weather.'], date: '2024-05-20', outlet: 'Calder Courier' });
    for (const q of ['where is the gala concert', 'where was the concert moved']) {
      const a = answer(gala, 'where', q);
      expect(a.answer ?? '', q).not.toMatch(/report|weather/);
    }
  });
});

describe('extraction: a figure inside a drafted name', () => {
  it('answers "how many" with a figure that is part of a name the question uses ("Six-time Grammy")', () => {
    const gala = indexTiny({ slug: 'calder-gala', headline: 'Calder gala opens the season', paragraphs: ['Six-time Grammy winner Lena Holm sang the anthem at the Calder gala on Friday.'], date: '2024-05-20', outlet: 'Calder Courier' });
    expect(answer(gala, 'ask', 'how many Grammys has Lena Holm won').answer).toBe('Six');
  });
});

describe('the short answer fits the question\'s head', () => {
  it('answers "what year" with the year of a fuller date', () => {
    const obituary = indexTiny({ slug: 'holm-obituary', headline: 'Architect Mira Holm dies', paragraphs: ['Mira Holm died on 7 January 1943 in Calder.'], date: '2024-05-20', outlet: 'Calder Courier' });
    expect(answer(obituary, 'ask', 'what year did Mira Holm die').answer).toBe('1943');
    expect(answer(obituary, 'ask', 'when did Mira Holm die').answer).toMatch(/7 January 1943/);
  });
});

describe('extraction: where', () => {
  it('a common noun is a place only after a preposition of place ("the itinerary included the talks" says nothing of where)', () => {
    const summit = indexTiny({ slug: 'calder-summit', headline: 'Mayors meet in Calder', paragraphs: ['The itinerary for the day included talks, a concert and a dinner, the council said.', 'The mayors arrived at the north gate on Monday.'], date: '2024-05-20', outlet: 'Calder Courier' });
    expect(answer(summit, 'where', 'where were the talks held').found).toBe(false);
    expect(answer(summit, 'where', 'where did the mayors arrive').answer).toBe('the north gate');
  });

  it('a name WordNet knows only as something other than a place is none ("the World Cup" is an event)', () => {
    const cup = indexTiny({ slug: 'calder-cup', headline: 'Calder ferries get ready', paragraphs: ['Fans of the World Cup will travel on the ferries, the Calder Courier said.', 'The ferries were built in Ashby.'], date: '2024-05-20', outlet: 'Calder Courier' });
    expect(answer(cup, 'where', 'where will fans travel').answer).toBe('the ferries');
    expect(answer(cup, 'where', 'where were the ferries built').answer).toBe('Ashby');
  });
});

describe('drafted when-facts', () => {
  const HOLIDAY = { slug: 'calder-holiday', headline: 'Calder celebrates its bridge', paragraphs: ['The council announced on Monday that Friday would be a town holiday, Reyes said.', 'The bridge opened in May.'], date: '2024-05-20', outlet: 'Calder Courier' };
  it('answers with the time of what the question asks about, not of the clause verb it lacks', () => {
    const holiday = indexTiny(HOLIDAY);
    expect(answer(holiday, 'when', 'when is the town holiday').answer).toMatch(/Friday/);
    expect(answer(holiday, 'when', 'when did the council announce the holiday').answer).toMatch(/Monday/);
  });

  it('keeps the drafted time with draftedAnswers: fact', () => {
    const holiday = indexTiny(HOLIDAY, engineOptions({ draftedAnswers: 'fact' }));
    expect(answer(holiday, 'when', 'when is the town holiday').answer).toMatch(/Monday/);
  });
});

describe('extraction: the asked-for noun alone', () => {
  it('does not answer "what award" with "the award"', () => {
    const awards = indexTiny({ slug: 'calder-awards', headline: 'Holm honoured in Calder', paragraphs: ['Holm is the first architect to win the award twice.', 'Holm won the Golden Anchor in May, the jury said.'], date: '2024-05-20', outlet: 'Calder Courier' });
    const s = awards.story.sentences.find((x) => x.text.startsWith('Holm is the first'))!.index;
    expect(extractAnswer(awards, s, analyzeQuery(awards, 'what award did Holm win'))).not.toMatch(/^(?:the )?award$/i);
  });
});

describe('the short answer: what "how many" asks for', () => {
  it('answers "how many points" with the figure, and cuts a parenthesis the span left open', () => {
    const match = indexTiny({ slug: 'calder-derby', headline: 'Calder wins the derby', paragraphs: ['Calder scored 11 points in the final quarter of the derby.', 'About 1,388 fans (0.9% of the town) watched from the north stand.'], date: '2024-05-20', outlet: 'Calder Courier' });
    expect(answer(match, 'ask', 'how many points did Calder score in the final quarter').answer).toBe('11');
    expect(answer(match, 'ask', 'how many fans watched from the north stand').answer).not.toMatch(/\(/);
  });

  it('with no figure counting the asked-for noun, answers with one counting another of the question\'s words', () => {
    const rowing = indexTiny({ slug: 'calder-rowing', headline: 'Calder rowers shine', paragraphs: ['The Calder club earned four national team selections this year.', 'The club was founded in 1921.'], date: '2024-05-20', outlet: 'Calder Courier' });
    expect(answer(rowing, 'ask', 'how many rowers were selected for the national team').answer).toMatch(/four/);
  });
});

describe('extraction: the story\'s own names complete the parser\'s', () => {
  it('answers with the whole name the story lists where the parser tagged part of it ("William" of "William Tyndale")', () => {
    const bible = indexTiny({ slug: 'bible-translations', headline: 'How the Calder Bible spread', paragraphs: ["The Calder Bible influenced other translations, such as William Tyndale's English Bible, a precursor of later ones.", 'Printers in Ashby sold it widely.'], date: '2024-01-10', outlet: 'Ashby Herald' });
    const s = bible.story.sentences.find((x) => x.text.includes('Tyndale'))!.index;
    // The parser's own person span is the first name only: the entity list is what knows the rest.
    expect(bible.analyses[s]!.spans.filter((x) => x.kind === 'person').map((x) => x.text)).toEqual(['William']);
    expect(answer(bible, 'ask', 'Whose English translation of the Bible did the Calder Bible influence?').answer).toBe('William Tyndale');
  });
});

describe('extraction: a question that asks for several', () => {
  let firm: StoryIndex;
  beforeAll(() => { firm = indexTiny({ slug: 'calder-lamps', headline: 'A lamp firm for Calder', paragraphs: ['In 1886 the engineer partnered with Robert Lane and Benjamin Vail, who financed a lamp company in Calder.', 'The company installed arc lamps in Ashby, Dunhaven and Kelso.'], date: '2024-05-20', outlet: 'Calder Courier' }); });

  it('answers with every name listed together when the question asks for more than one', () => {
    expect(answer(firm, 'ask', 'Who were the two men the engineer partnered with in 1886?').answer).toBe('Robert Lane and Benjamin Vail');
    expect(answer(firm, 'ask', 'Which towns got arc lamps from the company?').answer).toBe('Ashby, Dunhaven and Kelso');
  });

  it('answers with one name when the question asks for one', () => {
    expect(answer(firm, 'ask', 'Who did the engineer partner with in 1886?').answer).not.toMatch(/ and /);
  });
});

describe('extraction: a credited source as the answer', () => {
  const story = { slug: 'rovers-trophy', headline: 'Ashby Rovers lift the trophy', paragraphs: ['Ashby Rovers beat Kelso Town 2-1 in the county cup final on Sunday.', '"We earned it," Jonas Pike told reporters after lifting the Fenwick Trophy.'], date: '2024-05-20', outlet: 'Calder Courier' };

  it('answers "who" with the source when the source is also who acted, unless sources are turned off as answers', () => {
    expect(answer(indexTiny(story), 'ask', 'who lifted the fenwick trophy').answer).toBe('Jonas Pike');
    const never = indexTiny(story, engineOptions({ sourceAnswerPenalty: 99 }));
    expect(answer(never, 'ask', 'who lifted the fenwick trophy').answer).not.toBe('Jonas Pike');
  });

  it('answers with the source also when the sentence words the act otherwise ("won" where it says "lifting")', () => {
    expect(answer(indexTiny(story), 'ask', 'who won the fenwick trophy').answer).toBe('Jonas Pike');
  });
});

describe('question reading: the noun a "what/which" question asks for', () => {
  // "what expression …": the story never says "expression"; the noun names the kind of answer, so it weighs
  // like a frame noun ("what day"), and the passage with the rest of the question answers.
  it('weighs little when the story never uses it', () => {
    const plan = gazette('calder-plan', 'Harbour plan debated', ['The harbour council described the ferry plan as a "bold gamble" on Monday.', 'Residents of Ashby voiced worries about the higher ferry fares.']);
    expect(answer(plan, 'ask', 'what expression did the council use for the plan')).toMatchObject({ found: true, answer: 'bold gamble', paragraph: 1 });
    const q = analyzeQuery(plan, 'what expression did the council use for the plan');
    const expression = q.terms.find((t) => t.token === 'expression')!;
    const council = q.terms.find((t) => t.token === 'council')!;
    expect(expression.weight).toBeLessThan(council.weight);
  });
});

describe('extraction: a person named by a surname two people share', () => {
  it('answers with the full name of the one the story last named in full', () => {
    const match = gazette('calder-cup', 'Calder win the cup', [
        'Striker Lautaro Martinez missed early in the second half, and the coach praised the crowd.',
        'Later, goalkeeper Emiliano Martinez saved a penalty from Kolo Muani. Martinez had earlier kept the team alive with a save in the final seconds.',
    ]);
    expect(answer(match, 'who', 'who kept the team alive in the final seconds')).toMatchObject({ found: true, answer: 'Emiliano Martinez', paragraph: 2 });
  });
});

describe('drafted facts: a when-fact is its clause verb\'s time, and only the question\'s own verb is that verb', () => {
  // "decided" loosely matches "end"; it is not the clause's verb ("overturned"), so the question is read against
  // its own words: the year standing with "Harwick".
  it('reads "when was X decided" against its own words where the passage has the verb only loosely', () => {
    const ruling = gazette('calder-ruling', 'Council overturns harbour ruling', ['The Calder council on Friday overturned the landmark 1973 Harwick ruling on ferries, in a decision expected to end the night service.']);
    expect(answer(ruling, 'when', 'when was harwick decided').answer).toBe('1973');
    expect(answer(ruling, 'when', 'when did the council overturn the harwick ruling').answer).toBe('on Friday');
  });
});

describe('extraction: a measure is no ordinal', () => {
  it('answers "how quickly" with the span of time, not the minute it happened in', () => {
    const cup = gazette('calder-cup', 'Calder win the cup', ['Ada Quell opened the scoring in the 20th minute and doubled the lead 45 seconds later.']);
    expect(answer(cup, 'ask', 'how quickly did quell double the lead after opening the scoring').answer).toBe('45 seconds');
  });
});

describe('"what is X": a thing named before the noun that says what it is', () => {
  it('answers with the noun right after its name ("the Kestrel K9 processors")', () => {
    const port = gazette('calder-port', 'Calder port sales rise', ['Sales of the Kestrel K9 processors used to run harbour cranes rose 40% in the quarter, the company said.']);
    expect(answer(port, 'what', 'what is the Kestrel K9')).toMatchObject({ found: true, answer: 'processors', paragraph: 1 });
  });
});

describe('"what is the name of X", X a person: a person\'s name answers it', () => {
  const board = () => gazette('calder-tolls', 'Toll plan worries Calder', [
    'The Calder Harbour Board and the town\'s chief engineer have raised concerns about the toll plan.',
    'Harbour master Ada Quell said the ferries would keep running.',
  ]);
  it('abstains where the story gives only the title, never answering with the title or another name', () => {
    const story = board();
    expect(answer(story, 'ask', 'what is the name of the chief engineer')).toMatchObject({ found: false });
    expect(answer(story, 'who', 'whats the name of the chief engineer mentioned')).toMatchObject({ found: false });
  });
  it('answers with the name standing after the title', () => {
    expect(answer(board(), 'ask', 'what is the name of the harbour master')).toMatchObject({ found: true, answer: 'Ada Quell', paragraph: 2 });
  });
});

describe('abstention: a loosely matched verb, where the question\'s other words pin the passage down', () => {
  const concert = (options?: Parameters<typeof engineOptions>[0]) => gazette('calder-concert', 'Calder opens its festival', [
    'Mayor Lena Ostrova opened the festival on Friday. Ostrova thanked the volunteers.',
    'Ada Quell performed the town anthem at the harbour, while Ostrova watched from the pier.',
    'Ostrova said the festival would return next year. Ostrova later visited the market.',
  ], options);
  it('answers "what did X sing" from the one sentence that has X, where it says "performed"', () => {
    expect(answer(concert(), 'ask', 'what did ada quell sing')).toMatchObject({ found: true, paragraph: 2 });
  });
  it('abstains where only the story\'s main person is named, in many sentences', () => {
    expect(answer(concert(), 'ask', 'who did ostrova marry')).toMatchObject({ found: false });
  });
  it('abstains on the loose verb with pinnedSentences 0', () => {
    expect(answer(concert({ pinnedSentences: 0 }), 'ask', 'what did ada quell sing')).toMatchObject({ found: false });
  });
});

describe('question reading: "what is the name of" is the frame, as "what X" is', () => {
  it('weighs "name(s)" as a frame noun, so the passage need not say it', () => {
    const bakery = gazette('calder-bakery', 'Calder bakery expands', [
      'After leaving the mill, Ostrova partnered with two bakers in 2019, Ada Quell and Tomas Reyes, who agreed to fund a new oven.',
    ]);
    const q = analyzeQuery(bakery, 'What were the names of Ostrova\'s new partners?');
    const names = q.terms.find((t) => t.token === 'names')!;
    const partners = q.terms.find((t) => t.token === 'partners')!;
    expect(names.weight).toBeLessThan(partners.weight);
    expect(answer(bakery, 'ask', 'What were the names of Ostrova\'s new partners?')).toMatchObject({ found: true, answer: 'Ada Quell and Tomas Reyes', paragraph: 1 });
  });
});

describe('"when": a clause that sets the time', () => {
  const ferry = () => gazette('calder-ferry-ice', 'Calder ferry stops for winter', [
    'The Calder ferry stops running when the harbour freezes, the Works Department said.',
    'Engineers will inspect the pier when the ice melts in spring.',
  ]);
  it('answers "when does X happen" with the "when …" clause of its passage', () => {
    expect(answer(ferry(), 'when', 'when does the calder ferry stop running')).toMatchObject({ found: true, answer: 'when the harbour freezes', paragraph: 1 });
  });
  it('does not answer a question whose own "when" comes later, nor a "what", with such a clause', () => {
    const story = ferry();
    for (const q of ['what do engineers inspect when the ice melts', 'what year does the ferry stop running']) {
      expect(String(answer(story, 'ask', q).answer ?? ''), q).not.toMatch(/^when\b/i);
    }
  });
});

describe('question reading: a compound the reader split', () => {
  const game = () => gazette('calder-game', 'Calder win the county final', [
    'Quarterback Ada Quell threw three touchdowns as Calder won the county final. Fans cannot remember a better game.',
  ]);
  it('reads "quarter back" as the story\'s "quarterback", at the first word\'s place', () => {
    const story = game();
    const q = analyzeQuery(story, 'who was the quarter back in the county final');
    expect(q.terms.map((t) => t.token)).toContain('quarterback');
    expect(q.terms.map((t) => t.token)).not.toContain('quarter');
    expect(answer(story, 'ask', 'how many touchdowns did the quarter back throw')).toMatchObject({ found: true, answer: 'three', paragraph: 1 });
  });
  it('leaves function words ("can not") and pairs the story has both words of alone', () => {
    const story = game();
    expect(analyzeQuery(story, 'what can not fans remember').terms.map((t) => t.token)).not.toContain('cannot');
    expect(analyzeQuery(story, 'did calder win the county final').terms.map((t) => t.token)).toEqual(expect.arrayContaining(['county', 'final']));
  });
});
