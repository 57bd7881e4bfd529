/**
 * Machine drafting at ingest (`src/story/draft.ts`) on tiny made-up stories: attribution patterns, pronouns,
 * hedges and denials, relative dates against the publication date, anchored quotes, determinism, and the
 * ingest command's flags, with the ingested story loaded back through the real loader.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { draftStory, type Draft } from '../../src/story/draft.ts';
import { findQuote, loadStory } from '../../src/story/load.ts';
import { ingestStory, parseIngestArgs } from '../../src/story/ingest.ts';
import { EntitySchema, FactsFileSchema, SourceSchema, type Fact } from '../../src/story/schema.ts';
import { cleanupTemp, tempDir } from './helpers.ts';

afterAll(cleanupTemp);

const STORY = [
  'Harbor town opens new ferry terminal after years of delay',
  'PORTVALE, Westland, March 4 (Coast Wire) — The Portvale Harbor Authority opened a new ferry terminal on Friday, three years after construction began.',
  '"This terminal will change how people travel," Mayor Alice Brennan told reporters at the opening. "We waited a long time."',
  'According to the Westland Transport Ministry, the terminal cost $80 million. The contractor, Dunmore Builders, said the project ran late because of storms.',
  'Brennan denied that the town had overspent on the project. She said ferry traffic would double next year.',
  'It is believed that a second terminal is planned for the north shore, the local newspaper Portvale Gazette reported.',
  'In a statement, the Westland Transport Ministry said ferries would run every hour from next month.',
  'Harbor pilot Tom Okafor, who has worked in Portvale since 2009, said the new quay was safer. He added that crews had trained for weeks.',
];

const PUBLISHED = '2024-03-04';
const draft = draftStory(STORY, { published: PUBLISHED });

const factsIn = (d: Draft, paragraph: number, kind?: Fact['kind']) => d.facts.filter((f) => f.paragraph === paragraph && (!kind || f.kind === kind));
const sourceId = (d: Draft, name: string) => d.sources.find((s) => s.name === name)?.id;

describe('draftStory: sources and attribution', () => {
  it('finds every cited source, with its fullest name, kind, paragraphs and shorter forms', () => {
    const names = draft.sources.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Alice Brennan', 'Westland Transport Ministry', 'Dunmore Builders', 'Portvale Gazette', 'Tom Okafor']));
    const brennan = draft.sources.find((s) => s.name === 'Alice Brennan')!;
    expect(brennan.kind).toBe('person');
    expect(brennan.aliases).toContain('Brennan');
    expect(brennan.description).toMatch(/¶2.*¶4/);
    expect(draft.sources.find((s) => s.name === 'Portvale Gazette')!.kind).toMatch(/newspaper/);
    expect(draft.sources.find((s) => s.name === 'Westland Transport Ministry')!.kind).toBe('government');
  });

  it('credits "X told reporters" to X and marks direct quotes as quoted', () => {
    const id = sourceId(draft, 'Alice Brennan')!;
    const facts = factsIn(draft, 2);
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.every((f) => f.attribution.includes(id))).toBe(true);
    const what = facts.find((f) => f.kind === 'what' && f.answer?.text.startsWith('This terminal will change'));
    expect(what?.certainty).toBe('quoted');
  });

  it('gives a quoted sentence with no speaker of its own the speaker of the sentence before it', () => {
    const id = sourceId(draft, 'Alice Brennan')!;
    const second = factsIn(draft, 2).filter((f) => f.quote.exact.includes('We waited a long time'));
    expect(second.length).toBeGreaterThan(0);
    expect(second.every((f) => f.attribution.includes(id) && f.certainty === 'quoted')).toBe(true);
  });

  it('reads "according to X", "X said", "In a statement, X said" and ", the newspaper X reported"', () => {
    const ministry = sourceId(draft, 'Westland Transport Ministry')!;
    const builder = sourceId(draft, 'Dunmore Builders')!;
    const gazette = sourceId(draft, 'Portvale Gazette')!;
    expect(factsIn(draft, 3).filter((f) => f.quote.exact.includes('$80 million')).every((f) => f.attribution.includes(ministry))).toBe(true);
    expect(factsIn(draft, 3).filter((f) => f.quote.exact.includes('ran late')).every((f) => f.attribution.includes(builder))).toBe(true);
    expect(factsIn(draft, 5).every((f) => f.attribution.includes(gazette))).toBe(true);
    expect(factsIn(draft, 6).every((f) => f.attribution.includes(ministry))).toBe(true);
    const source = factsIn(draft, 6, 'source')[0];
    expect(source?.answer).toEqual({ text: 'Westland Transport Ministry', type: 'organisation', ref: ministry });
  });

  it('resolves he/she to the nearest person named before, and skips an appositive between name and verb', () => {
    const brennan = sourceId(draft, 'Alice Brennan')!;
    const okafor = sourceId(draft, 'Tom Okafor')!;
    expect(factsIn(draft, 4).filter((f) => f.quote.exact.includes('ferry traffic')).every((f) => f.attribution.includes(brennan))).toBe(true);
    expect(factsIn(draft, 7).filter((f) => f.quote.exact.includes('new quay')).every((f) => f.attribution.includes(okafor))).toBe(true);
    expect(factsIn(draft, 7).filter((f) => f.quote.exact.includes('crews had trained')).every((f) => f.attribution.includes(okafor))).toBe(true);
  });

  it('leaves unattributed clauses to the article', () => {
    expect(factsIn(draft, 1).every((f) => f.attribution.length === 1 && f.attribution[0] === 'article')).toBe(true);
  });
});

describe('draftStory: harder attribution shapes', () => {
  const text = [
    'Council backs new library',
    'Governor Ruth Adeyemi, speaking at the Capitol Building, called the plan "a gift to every reader."',
    'Ines Varga, director of the Marlow Reading Trust, which campaigned for years, told reporters the doors would open in June.',
    'In a joint letter, three councillors, Owen Pike, Lara Quist and Nils Odum, wrote: "We are proud of this town."',
    'Councillor Jo Hart said the budget was fixed, while residents gathered outside the hall in Marlow.',
    '"We will not raise taxes," said Mayor Pia Sandoval.',
    'The Harlow Valley Transit Authority expanded its routes. The Transit Authority added buses after the results, and ridership rose after the city lowered fares.',
  ];
  const d = draftStory(text, { published: '2024-03-04' });
  const credited = (p: number, s: string) => [...new Set(d.facts.filter((f) => f.paragraph === p && f.quote.exact.includes(s)).flatMap((f) => f.attribution))];
  const name = (id: string) => d.sources.find((x) => x.id === id)?.name ?? id;

  it('skips an appositive that holds another name ("X, speaking at Y, called"; "X, director of Y, which …, told")', () => {
    expect(credited(1, 'called the plan').map(name)).toEqual(['Ruth Adeyemi']);
    expect(credited(2, 'the doors would open').map(name)).toEqual(['Ines Varga']);
  });

  it('credits every name of "A, B and C wrote", and the speaker of "\"…,\" said X"', () => {
    expect(credited(3, 'We are proud').map(name).sort()).toEqual(['Lara Quist', 'Nils Odum', 'Owen Pike']);
    expect(credited(5, 'raise taxes').map(name)).toEqual(['Pia Sandoval']);
  });

  it('stops "X said A" at a contrasting clause ("while …")', () => {
    expect(credited(4, 'the budget was fixed').map(name)).toEqual(['Jo Hart']);
    expect(credited(4, 'residents gathered')).toEqual(['article']);
    expect(d.facts.find((f) => f.paragraph === 4 && f.kind === 'what')?.answer?.text).toBe('the budget was fixed');
  });

  it('reads "after" as a reason only before a clause, not before a noun', () => {
    const why = d.facts.filter((f) => f.paragraph === 6 && f.kind === 'why').map((f) => f.answer?.text);
    expect(why).toEqual(['the city lowered fares']);
  });

  it('credits "a X survey found" to X, and "with X writing separately" to X for that clause only', () => {
    const e = draftStory(['H', 'A Dunmore Polling Group survey released in May found that 40% of voters backed the plan.', 'The Harlow Planning Board voted 4-3 to approve the plan, with Chair Mona Reyes writing separately to say she would have waited.']);
    const onQuote = (p: number, s: string) => [...new Set(e.facts.filter((f) => f.paragraph === p && f.quote.exact.includes(s)).flatMap((f) => f.attribution))];
    const name = (id: string) => e.sources.find((x) => x.id === id)?.name ?? id;
    expect(onQuote(1, 'backed the plan').map(name)).toEqual(['Dunmore Polling Group']);
    expect(onQuote(2, 'writing separately').map(name)).toEqual(['Mona Reyes']);
    expect(e.facts.find((f) => f.paragraph === 2 && f.kind === 'what')?.answer?.text).toBe('she would have waited');
    expect(onQuote(2, 'Planning Board voted')).toEqual(['article']);
  });

  it('does not take a nationality before a noun for a name, nor a hearer for a speaker', () => {
    const e = draftStory(['H', 'Coach Rui Tavares denied the reports, telling Brazilian broadcaster Globo, "We are fine."', 'Iran said the talks would resume in Geneva.']);
    expect(e.sources.map((x) => x.name).sort()).toEqual(['Iran', 'Rui Tavares']);
    expect(e.entities.some((x) => x.name === 'Brazilian')).toBe(false);
  });

  it('calls an otherwise unknown name that "reported" something a publication', () => {
    const e = draftStory(['H', 'The plan leaked in a draft that Vantor reported on May 2.']);
    expect(e.sources.find((x) => x.name === 'Vantor')?.kind).toBe('publication');
  });

  it('adds an organisation\'s name without its leading place as an alias', () => {
    const place = draftStory(['H', 'The Harlow Valley Transit Authority met in Harlow Valley on Monday.']);
    const authority = place.entities.find((e) => e.name === 'Harlow Valley Transit Authority');
    expect(authority?.aliases).toContain('Transit Authority');
  });
});

describe('draftStory: certainty', () => {
  it('marks the content of a denial as denied', () => {
    const denied = factsIn(draft, 4).filter((f) => f.quote.exact.includes('overspent'));
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((f) => f.certainty === 'denied')).toBe(true);
    expect(denied.find((f) => f.kind === 'what')?.answer?.text).toBe('the town had overspent on the project');
  });

  it('marks hedged clauses as alleged and plain ones as reported', () => {
    expect(factsIn(draft, 5).every((f) => f.certainty === 'alleged')).toBe(true);
    expect(factsIn(draft, 1).every((f) => f.certainty === 'reported')).toBe(true);
    const hedges = draftStory(['H', 'The minister is expected to resign. Officials reportedly met in secret. Police said the road was closed.']);
    const byQuote = (s: string) => hedges.facts.filter((f) => f.quote.exact.includes(s)).map((f) => f.certainty);
    expect(byQuote('expected to resign').every((c) => c === 'alleged')).toBe(true);
    expect(byQuote('reportedly').every((c) => c === 'alleged')).toBe(true);
  });
});

describe('draftStory: times', () => {
  it('resolves relative dates against the publication date, with a derived basis', () => {
    const when = draft.facts.filter((f) => f.kind === 'when');
    const byText = (t: string) => when.find((f) => f.time?.text === t)?.time;
    expect(byText('on Friday')).toMatchObject({ value: '2024-03-01', precision: 'day', basis: { derived: true, from: 'published' } });
    expect(byText('next year')).toMatchObject({ value: '2025', precision: 'year', basis: { derived: true, from: 'published' } });
    expect(byText('next month')).toMatchObject({ value: '2024-04', precision: 'month' });
    expect(byText('2009')).toEqual({ text: '2009', value: '2009', precision: 'year', basis: { fromText: true } });
  });

  it('keeps absolute dates as printed, and relative ones as text only when no date is given', () => {
    const abs = draftStory(['H', 'The bridge opened on June 3, 2019, and closed last year.']);
    expect(abs.facts.find((f) => f.time?.text === 'June 3, 2019')?.time).toEqual({ text: 'June 3, 2019', value: '2019-06-03', precision: 'day', basis: { fromText: true } });
    expect(abs.facts.find((f) => f.time?.text === 'last year')?.time).toEqual({ text: 'last year' });
  });

  it('takes no when-fact from a dateline\'s date: it says when the story was filed, not when its events happened', () => {
    const d = draftStory(['H', 'PORTVALE, Westland, Feb 21 (Harbor Wire) — The council voted on Tuesday to close the ferry.'], { published: '2024-02-21' });
    expect(d.facts.filter((f) => f.kind === 'when').map((f) => f.time?.text)).toEqual(['on Tuesday']);
  });

  it('places a past weekday before the publication date, not after it', () => {
    const d = draftStory(['H', 'The council voted on Sunday.'], { published: '2024-05-15' });
    expect(d.facts.find((f) => f.kind === 'when')?.time?.value).toBe('2024-05-12');
  });
});

describe('draftStory: facts', () => {
  it('drafts who, where, why and dateline facts with typed answers and refs', () => {
    const who = factsIn(draft, 1, 'who')[0];
    expect(who?.answer).toMatchObject({ text: 'Portvale Harbor Authority', type: 'organisation' });
    expect(draft.entities.some((e) => e.id === who?.answer?.ref)).toBe(true);
    const where = factsIn(draft, 1, 'where');
    const dateline = where.find((f) => f.answer?.text === 'Portvale, Westland');
    expect(dateline?.quote).toEqual({ exact: 'PORTVALE, Westland' });
    const why = factsIn(draft, 3, 'why')[0];
    expect(why?.answer).toEqual({ text: 'storms', type: 'reason' });
    const passive = draftStory(['H', 'The mayor was greeted by Governor Sam Ortiz at the airport in Dunmore.']);
    expect(passive.facts.find((f) => f.kind === 'who')?.answer?.text).toBe('Sam Ortiz');
  });

  it('anchors every quote exactly once in its paragraph and marks every fact drafted', () => {
    const repeat = draftStory(['H', 'Police said the road was closed. Police said the road was closed.']);
    for (const d of [draft, repeat]) {
      for (const f of d.facts) {
        expect(findQuote(d === draft ? STORY[f.paragraph]! : ['H', 'Police said the road was closed. Police said the road was closed.'][f.paragraph]!, f.quote)).toHaveLength(1);
        expect(f.drafted).toBe(true);
      }
    }
    expect(new Set(repeat.facts.map((f) => f.id)).size).toBe(repeat.facts.length);
  });

  it('names the entities with surnames as aliases, and uses ids that are unique across sources and entities', () => {
    const ids = [...draft.sources.map((s) => s.id), ...draft.entities.map((e) => e.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(draft.entities.find((e) => e.name === 'Portvale Harbor Authority')?.type).toBe('organisation');
    const known = new Set([...ids, 'article']);
    for (const f of draft.facts) for (const id of [...f.entities, ...f.attribution]) expect(known.has(id)).toBe(true);
  });

  it('is deterministic: the same text gives the same JSON', () => {
    expect(JSON.stringify(draftStory(STORY, { published: PUBLISHED }))).toBe(JSON.stringify(draft));
  });

  it('drafts nothing wrong from text with no names, dates or attributions', () => {
    const d = draftStory(['Quiet day', 'nothing much happened here at all.']);
    expect(d.sources).toEqual([]);
    expect(d.facts.every((f) => f.attribution[0] === 'article')).toBe(true);
  });
});

describe('ingest with drafting', () => {
  it('parses --date and --outlet and rejects a bad date or unknown flag with a clear message', () => {
    expect(parseIngestArgs(['--slug', 's', '--date', '2024-03-04', '--outlet', 'Coast Wire', 'a.txt'])).toEqual({ slug: 's', title: undefined, date: '2024-03-04', outlet: 'Coast Wire', force: undefined, articleFile: 'a.txt' });
    expect(parseIngestArgs(['--slug', 's', '--date', '2024-02-30', 'a.txt'])).toEqual({ error: expect.stringMatching(/--date "2024-02-30"/) });
    expect(parseIngestArgs(['--slug', 's', '--date', 'March 4', 'a.txt'])).toEqual({ error: expect.stringMatching(/YYYY-MM-DD/) });
    expect(parseIngestArgs(['--slug', 's', '--colour', 'red', 'a.txt'])).toEqual({ error: 'unknown option --colour' });
    expect(parseIngestArgs(['--slug', 's', '--date'])).toEqual({ error: '--date needs a value' });
    expect(parseIngestArgs(['a.txt'])).toEqual({ error: '--slug is required' });
  });

  it('writes drafted sources, entities and facts that load back valid, with date and outlet as ingest-given values', () => {
    const dir = tempDir();
    const file = join(dir, 'article.src.txt');
    writeFileSync(file, `${STORY.join('\n')}\n`);
    const story = ingestStory({ storiesDir: dir, slug: 'ferry', articleFile: file, date: PUBLISHED, outlet: 'Coast Wire' });
    expect(story.meta.annotated).toBe(false);
    expect(story.meta.published).toMatchObject({ value: PUBLISHED, annotator: true });
    expect(story.meta.outlet).toMatchObject({ value: 'Coast Wire', annotator: true });
    expect(story.facts.length).toBe(draft.facts.length);
    expect(story.sources.map((s) => s.id)).toEqual(draft.sources.map((s) => s.id));
    const reloaded = loadStory(join(dir, 'ferry'));
    expect(reloaded.facts.every((f) => f.drafted === true)).toBe(true);
    expect(() => ingestStory({ storiesDir: dir, slug: 'bad', articleFile: file, date: '2024-13-01' })).toThrow(/YYYY-MM-DD/);
  });

  it('ingests without a date: relative times keep only their text', () => {
    const dir = tempDir();
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'Headline\nThe plant closed last year, the company said.\n');
    const story = ingestStory({ storiesDir: dir, slug: 'plant', articleFile: file });
    expect(story.meta.published).toBeNull();
    expect(story.facts.find((f) => f.kind === 'when')?.time).toEqual({ text: 'last year' });
  });
});

describe('draftStory: properties', () => {
  const WORDS = ['the', 'Mayor', 'Ana', 'Ruiz', 'said', 'told', 'reporters', 'according', 'to', 'FIFA', 'he', 'she', 'denied', 'that',
    'it', 'is', 'believed', 'on', 'Friday', 'last', 'year', 'in', 'Lima', 'because', 'after', 'the', 'council', 'voted', ',', ', and',
    '"We', 'won."', 'while', 'Ruiz', 'In a statement,', 'Transit Authority', 'March 3, 2021', 'next month', ';', '—', '(AP)', 'U.S.'];
  const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 16 }).map((w) => `${w.join(' ')}.`);
  const paragraph = fc.oneof(fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }));
  const story = fc.array(paragraph, { minLength: 2, maxLength: 5 }).map((ps) => ps.map((p) => p.trim()).filter(Boolean)).filter((ps) => ps.length >= 2);
  const date = fc.option(fc.constantFrom('2024-03-04', '2021-12-31', '2000-02-29'), { nil: undefined });

  it('never throws, and always gives valid, anchored, consistent data', () => {
    fc.assert(
      fc.property(story, date, (paragraphs, published) => {
        const d = draftStory(paragraphs, { published });
        for (const s of d.sources) SourceSchema.parse(s);
        for (const e of d.entities) EntitySchema.parse(e);
        FactsFileSchema.parse({ facts: d.facts });
        const ids = [...d.sources.map((s) => s.id), ...d.entities.map((e) => e.id)];
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(d.facts.map((f) => f.id)).size).toBe(d.facts.length);
        const known = new Set(ids);
        for (const f of d.facts) {
          expect(findQuote(paragraphs[f.paragraph]!, f.quote)).toHaveLength(1);
          for (const id of [...f.entities, ...(f.answer?.ref ? [f.answer.ref] : [])]) expect(known.has(id)).toBe(true);
          for (const id of f.attribution) expect(id === 'article' ? f.attribution.length === 1 : d.sources.some((s) => s.id === id)).toBe(true);
        }
        expect(JSON.stringify(draftStory(paragraphs, { published }))).toBe(JSON.stringify(d));
      }),
      { numRuns: 60, seed: 20240304 },
    );
  }, 60_000);
});
