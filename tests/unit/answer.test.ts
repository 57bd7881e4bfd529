/**
 * The answer engine against the real story, with our own phrasings: typical, paraphrased, misspelled and
 * out-of-story questions for every command. Assertions are on behaviour (the answer's words, paragraph,
 * source, certainty, verdict), never on exact message text.
 */
import { describe, expect, it } from 'vitest';
import { NOT_FOUND_CHARS } from '../../src/render/messages.ts';
import { answer } from '../../src/answer/answer.ts';
import { COMMANDS, OWN_REPORTING, type Answer, type Command } from '../../src/answer/types.ts';
import { ask } from '../../src/library.ts';
import { realLibrary } from '../library.ts';
import { CONTRACT_KEYS, SLUG, expectValidAnswer } from './helpers.ts';

const library = realLibrary();
const index = library.stories.get(SLUG)!;
const story = index.story;

/** Answers and checks the invariants every answer must meet. */
function run(command: Command, query: string): Answer {
  const a = answer(index, command, query);
  expectValidAnswer(index, a, command);
  return a;
}

/** Answers and expects a found answer in one of `paragraphs`. */
function found(command: Command, query: string, paragraphs: number[]): Answer {
  const a = run(command, query);
  expect(a.found, `${command} ${query}: ${a.message}`).toBe(true);
  expect(paragraphs, `${command} ${query}: paragraph`).toContain(a.paragraph);
  return a;
}

/** The short answer, or the passage when the engine gives only a passage. */
const said = (a: Answer) => a.answer ?? a.passage ?? '';

describe('who', () => {
  it('answers "who was greeted" with the one greeted, not the annotated greeter, and "who greeted" with the greeter', () => {
    expect(found('who', 'who was greeted at the airport', [2]).answer).toMatch(/Putin/);
    expect(found('who', 'who greeted putin at the airport', [2]).answer).toMatch(/Kim Jong Un/);
  });
  it('reads "according to X, who …" as a question in X\'s account, not one about who said it', () => {
    for (const q of ['according to putin\'s article, who has north korea been supporting in ukraine', 'according to rodong sinmun, who has north korea been supporting']) {
      expect(found('who', q, [4]).answer, q).toMatch(/Moscow/);
    }
  });

  it('finds who welcomed the Russian leader', () => {
    const a = found('who', 'who welcomed the Russian leader', [1, 2]);
    expect(a.answer).toMatch(/Kim/);
    expect(a.source).toBe(OWN_REPORTING);
    expect(a.certainty).toBe('reported');
  });

  it('reads aliases: the Kremlin leader is Putin, the DPRK is North Korea', () => {
    expect(found('who', 'who greeted the Kremlin leader', [1, 2]).answer).toMatch(/Kim/);
    expect(found('who', 'who welcomed Putin in the DPRK', [1, 2]).answer).toMatch(/Kim/);
  });

  it('survives typos in longer words', () => {
    const a = found('who', 'who greated Putin at the airprot', [2]);
    expect(a.answer).toMatch(/Kim/);
    expect(a.passage).toMatch(/airport/);
  });

  it('ignores case and trailing punctuation', () => {
    expect(found('who', 'WHO WELCOMED PUTIN???', [1, 2]).answer).toMatch(/Kim/);
  });

  it('keeps the uncertainty of an allegation', () => {
    const a = found('who', 'who is thought to have provided weapons to Moscow', [3]);
    expect(a.answer).toMatch(/North Korea/);
    expect(a.certainty).toBe('alleged');
  });

  it('names the source when asked who reported something', () => {
    const a = found('who', 'who reported the programme of the day', [2]);
    expect(a.answer).toMatch(/Interfax/);
    expect(a.source).toMatch(/Interfax/);
  });

  it('names both bodies that voiced unease', () => {
    const a = found('who', 'who voiced unease about the military cooperation', [5]);
    expect(said(a)).toMatch(/National Security Council/);
    expect(said(a)).toMatch(/NATO/);
    expect(a.source).toMatch(/National Security Council/);
  });
});

describe('when', () => {
  it('dates the invasion of Ukraine from the text', () => {
    const a = found('when', 'when did the Ukraine invasion happen', [3]);
    expect(a.answer).toMatch(/2022/);
    expect(a.time?.value).toBe('2022');
    expect(a.time?.annotator).toBe(false);
  });

  it('gives "last year" for Kim\'s trip to Russia, with the annotator\'s 2023 flagged as such', () => {
    const a = found('when', 'when did Kim go to Russia', [3]);
    expect(a.answer).toMatch(/last year/);
    expect(a.time?.value).toBe('2023');
    expect(a.time?.annotator).toBe(true);
    expect(a.time?.basis).toBeTruthy();
    // The reader is told the year is not printed in the article.
    expect(a.message).toMatch(/2023/);
    expect(a.message).toMatch(/annotator/i);
  });

  it('gives the arrival as early Wednesday morning, with the annotator\'s date flagged as such', () => {
    const a = found('when', 'when did Putin arrive in the North Korean capital', [2]);
    expect(a.answer).toMatch(/Wednesday/);
    expect(a.time?.annotator).toBe(true);
    expect(a.time?.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('answers paraphrases of "arrive" ("reach", "get to")', () => {
    expect(found('when', 'when did the Russian president reach Pyongyang', [2]).answer).toMatch(/Wednesday/);
    expect(found('when', 'when did Putin get to Pyongyang', [2]).answer).toMatch(/Wednesday/);
  });

  it('answers when Putin was previously in North Korea with the 25-year gap', () => {
    const a = found('when', 'when did Putin previously visit North Korea', [1]);
    expect(said(a)).toMatch(/25 years/);
  });
});

describe('where', () => {
  it('places the greeting at the airport in Pyongyang', () => {
    const a = found('where', 'where was Putin met by Kim', [2]);
    expect(a.answer).toMatch(/airport|Pyongyang/);
  });

  it('says where the concerns were raised', () => {
    expect(found('where', 'where were concerns raised', [5]).answer).toMatch(/United States/);
  });

  it('says where the motorcade went', () => {
    expect(found('where', 'where did the motorcade take the two leaders', [2]).answer).toMatch(/accommodation/);
  });

  it('says where the leaders went after the airport, as a place rather than a stray possessive', () => {
    // "head" (a synonym of "leader") must not stop the engine from using the annotated place.
    const a = found('where', 'where did the leaders head after the airport', [2]);
    expect(a.answer).toMatch(/accommodation/);
  });
});

describe('what', () => {
  it('lists the itinerary, attributed to Interfax', () => {
    const a = found('what', 'what was planned for the day', [2]);
    for (const item of ['gala concert', 'state reception', 'document signings', 'media statement']) expect(a.answer).toContain(item);
    expect(a.source).toMatch(/Interfax/);
  });

  it('answers a paraphrase of the itinerary', () => {
    expect(found('what', 'what was on the schedule for the day', [2]).answer).toContain('gala concert');
  });

  it('says what North Korea is believed to get in return, as an allegation', () => {
    const a = found('what', 'what does North Korea reportedly get for the arms', [3]);
    expect(a.answer).toMatch(/food/);
    expect(a.answer).toMatch(/energy/);
    expect(a.certainty).toBe('alleged');
  });

  it('quotes how KCNA described the relationship', () => {
    const a = found('what', 'what did KCNA call the relationship', [1]);
    expect(a.answer).toMatch(/fortress/);
    expect(a.source).toMatch(/KCNA/);
    expect(a.certainty).toBe('quoted');
  });

  it('reports the denial as a denial', () => {
    const a = found('what', 'what have both countries denied', [3]);
    expect(a.answer).toMatch(/formal agreement/);
    expect(a.certainty).toBe('denied');
  });
});

describe('why', () => {
  it('answers from the clause with the question\'s own verb: "praised … for", not the "commended … for" of the same sentence', () => {
    expect(found('why', 'why did putin praise nk', [4]).answer).toMatch(/^its support of Moscow's actions in Ukraine/);
  });
  it('says why Putin commended Kim, from Rodong Sinmun', () => {
    const a = found('why', 'why did Putin commend Kim', [4]);
    expect(a.answer).toMatch(/sanctions/);
    expect(a.source).toMatch(/Rodong Sinmun/);
  });

  it('says why the trip matters', () => {
    const a = found('why', 'why is the trip significant', [1]);
    expect(said(a)).toMatch(/relations/);
    expect(a.certainty).toBe('assessment');
  });

  it('gives the security implications as the reason for concern', () => {
    const a = found('why', 'why are there concerns about the visit', [5]);
    expect(a.answer).toMatch(/security implications/);
  });
});

describe('ask (kind detected)', () => {
  it.each([
    ['Who welcomed Vladimir Putin?', 'who', [1, 2], /Kim/],
    ['When did Moscow invade Ukraine?', 'when', [3], /2022/],
    ['Where did Kim greet the Russian president?', 'where', [2], /airport|Pyongyang/],
    ['Why did the Russian leader praise Pyongyang?', 'why', [4], /support|sanctions|Ukraine/],
    ['What kind of world order do the two countries want?', 'what', [6], /multi-?polar/],
  ] as const)('%s', (question, kind, paragraphs, expected) => {
    const a = found('ask', question, [...paragraphs]);
    expect(a.trace?.kind).toBe(kind);
    expect(said(a)).toMatch(expected);
  });

  it('answers a "how many" question with the number, not an ordinal from the same sentence', () => {
    const a = found('ask', "how many years had passed since Putin's last visit to North Korea", [1]);
    expect(a.answer).toMatch(/25/);
  });
});

describe('sources', () => {
  it('lists all five sources with what they are and where the story uses them', () => {
    const a = run('sources', '');
    expect(a.found).toBe(true);
    const list = a.sources!;
    expect(list).toHaveLength(5);
    const byName = (re: RegExp) => list.find((s) => re.test(s.name));
    expect(byName(/KCNA/)?.paragraphs).toEqual([1]);
    expect(byName(/Interfax/)?.paragraphs).toEqual([2]);
    expect(byName(/Rodong Sinmun/)?.paragraphs).toEqual([4]);
    expect(byName(/National Security Council/)?.paragraphs).toEqual([5]);
    expect(byName(/NATO/)?.paragraphs).toEqual([5]);
    for (const s of list) {
      expect(s.kind.length).toBeGreaterThan(0);
      expect(s.description.length).toBeGreaterThan(0);
      expect(s.says.length).toBeGreaterThan(0);
      // What a source says is quoted verbatim from the paragraphs it is listed under.
      for (const quote of s.says) expect(s.paragraphs.some((p) => story.paragraphs[p]!.includes(quote)), quote).toBe(true);
      expect(a.message).toContain(s.name);
    }
  });

  it('names Interfax for the itinerary', () => {
    for (const q of ['the itinerary of the day', 'honor guards and a gala concert']) {
      const a = found('sources', q, [2]);
      expect(a.source).toMatch(/Interfax/);
      expect(a.message).toMatch(/Interfax/);
    }
  });

  it('names KCNA for the fortress description and Rodong Sinmun for the praise', () => {
    expect(found('sources', 'the strategic fortress description', [1]).source).toMatch(/KCNA/);
    expect(found('sources', 'UN sanctions and nuclear ambitions', [4]).source).toMatch(/Rodong Sinmun/);
  });

  it('says when a passage rests on the article\'s own reporting', () => {
    const a = found('sources', 'who greeted Putin at the airport', [2]);
    expect(a.source).toBe(OWN_REPORTING);
  });

  it('has no source for something the story does not cover', () => {
    const a = run('sources', 'the World Cup final');
    expect(a.found).toBe(false);
    expect(a.source).toBeNull();
  });
});

describe('factcheck', () => {
  const check = (claim: string) => run('factcheck', claim);

  it('does not read the story\'s own adjective "Russian" as the place Russia, whose alias Moscow the passage has', () => {
    // "North Korea's ruling Workers' Party newspaper" in a sentence about "Moscow's actions" is no Russian newspaper.
    expect(check('Rodong Sinmun is a Russian newspaper').verdict).not.toBe('supported');
    expect(run('ask', 'is rodong sinmun a russian newpaper?').yesNo).not.toBe('yes');
  });

  it.each(['Kim Jong Un welcomed Putin', 'Kim Jong Un greeted Putin at the airport', 'Russia invaded Ukraine in 2022', 'the itinerary included a gala concert'])(
    'supports "%s"',
    (claim) => {
      const a = check(claim);
      expect(a.verdict).toBe('supported');
      expect(a.found).toBe(true);
      expect(a.passage).not.toBeNull();
    },
  );

  it('disputes an allegation the story reports only as belief', () => {
    for (const claim of ['Pyongyang gave Moscow weapons', 'North Korea shipped weapons to Russia in exchange for food']) {
      const a = check(claim);
      expect(a.verdict, claim).toBe('disputed');
      expect(a.paragraph).toBe(3);
      // The evidence is the belief (or the denial) in paragraph 3, never stated as plain fact.
      expect(['alleged', 'denied']).toContain(a.certainty);
    }
  });

  it('disputes a claim the story says both sides denied', () => {
    const a = check('Russia and North Korea signed a formal arms deal');
    expect(a.verdict).toBe('disputed');
    expect(a.paragraph).toBe(3);
    expect(a.certainty).toBe('denied');
  });

  it('supports that both countries denied an agreement (the denial itself is reported as fact)', () => {
    expect(check('Both countries denied a formal agreement on weapons transfers').verdict).toBe('supported');
  });

  it('does not let a denial in the same sentence dispute an undisputed fact', () => {
    // The story states Kim's visit to Russia last year; only the weapons agreement was denied.
    const a = check('Kim Jong Un travelled to Russia last year');
    expect(a.verdict).toBe('supported');
  });

  it('contradicts a wrong year for a dated event, saying what the story gives', () => {
    const a = check('Russia invaded Ukraine in 2019');
    expect(a.verdict).toBe('contradicted');
    expect(a.paragraph).toBe(3);
    expect(a.reason?.story).toMatch(/2022/);
    expect(a.message).toMatch(/2022/);
  });

  it('does not contradict a year that matches the annotated date of "last year"', () => {
    expect(check('Kim Jong Un went to Russia in 2023').verdict).not.toBe('contradicted');
  });

  it('contradicts a wrong weekday for the arrival', () => {
    expect(check('Putin landed in Pyongyang on a Friday').verdict).toBe('contradicted');
  });

  it('contradicts a negated claim and a wrong person', () => {
    expect(check('Kim Jong Un did not greet Putin').verdict).toBe('contradicted');
    const a = check('Putin was greeted by Xi Jinping at the airport');
    expect(a.verdict).toBe('contradicted');
    expect(a.reason?.story).toMatch(/Kim/);
  });

  it('finds a claim about somewhere the story never mentions not in the story', () => {
    const a = check('Putin visited Brazil');
    expect(a.verdict).toBe('not_in_story');
    expect(a.found).toBe(false);
    expect(a.passage).toBeNull();
    expect(a.message).toMatch(/Brazil/);
  });
});

describe('out-of-story questions', () => {
  const cases: [Command, string][] = [
    ['who', 'who won the 2018 World Cup'],
    ['ask', 'who won the 2018 World Cup'],
    ['what', 'what is the capital of France'],
    ['ask', 'what is the capital of France'],
    ['who', 'who is the president of China'],
    ['who', 'who painted the Mona Lisa'],
    ['where', 'where is the Eiffel Tower'],
    ['why', 'why did Germany join the war'],
    ['ask', 'what is the boiling point of water'],
    ['when', 'when was the moon landing'],
    ['ask', 'who landed on the moon'],
  ];

  it.each(cases)('%s %s → the story does not say', (command, question) => {
    const a = run(command, question);
    expect(a.found, `answered: ${a.answer} / ${a.passage}`).toBe(false);
    expect(a.paragraph).toBeNull();
    expect(a.passage).toBeNull();
    expect(a.answer).toBeNull();
    expect(a.message).toMatch(/doesn['’]t say|not in the story|nothing on/i);
    // One or two lines, plus at most the closest passage, marked as such and never given as the answer.
    expect(a.message.length).toBeLessThanOrEqual(NOT_FOUND_CHARS);
    if (a.closest) expect(a.message).toMatch(/Closest it comes: (?:headline|¶\d+) “/);
    else expect(a.message.split('\n')).toHaveLength(1);
  });
});

describe('every found answer', () => {
  const questions: [Command, string][] = [
    ['who', 'who rode in the motorcade'],
    ['when', 'when was the invasion'],
    ['where', 'where did Putin publish an article'],
    ['what', 'what did Putin praise North Korea for'],
    ['why', 'why did Putin commend Kim'],
    ['ask', 'what is the relationship described as'],
    ['sources', 'the apprehensions about military cooperation'],
    ['factcheck', 'Kim Jong Un met Putin at the airport in Pyongyang'],
  ];

  it.each(questions)('%s %s: a verbatim passage with paragraph, source, certainty and a citation', (command, question) => {
    const a = run(command, question);
    expect(a.found).toBe(true);
    expect(story.paragraphs[a.paragraph!]!.includes(a.passage!)).toBe(true);
    expect(a.source).not.toBeNull();
    expect(a.certainty).not.toBeNull();
    // The reader sees the passage and where it comes from.
    expect(a.message).toContain(a.passage!);
    expect(a.message).toContain(a.paragraph === 0 ? 'headline' : `¶${a.paragraph}`);
  });

  it('is deterministic', () => {
    for (const [command, question] of questions) expect(answer(index, command, question)).toEqual(answer(index, command, question));
  });
});

describe('the JSON contract', () => {
  it.each(COMMANDS)('%s answers carry every contract key, found or not', (command) => {
    for (const query of ['who greeted Putin', 'who won the 2018 World Cup', '']) {
      const a = JSON.parse(JSON.stringify(ask(library, { command, query }))) as Record<string, unknown>;
      for (const key of CONTRACT_KEYS) expect(a, `${command} "${query}": ${key}`).toHaveProperty(key);
      expect(a['command']).toBe(command);
      expect(a['story']).toBe(SLUG);
      if (command === 'factcheck') expect(['supported', 'disputed', 'contradicted', 'not_in_story']).toContain(a['verdict']);
    }
  });

  it('sources without a query carries the list', () => {
    const a = JSON.parse(JSON.stringify(ask(library, { command: 'sources' }))) as Record<string, unknown>;
    expect(Array.isArray(a['sources'])).toBe(true);
    for (const s of a['sources'] as Record<string, unknown>[]) {
      for (const key of ['name', 'kind', 'description', 'paragraphs', 'says']) expect(s).toHaveProperty(key);
    }
  });

  it('an unknown command is a usage answer naming the commands', () => {
    const a = ask(library, { command: 'teleport', query: 'who greeted Putin' });
    expect(a.found).toBe(false);
    expect(a.usage).toBe(true);
    for (const c of COMMANDS) expect(a.message).toContain(c);
  });

  it('accepts a command with a leading slash and any case', () => {
    const a = ask(library, { command: '/WHO', query: 'greeted Putin at the airport' });
    expect(a.command).toBe('who');
    expect(a.answer).toMatch(/Kim/);
  });
});
