import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ask, openLibrary } from '../../src/library.ts';
import { findQuote, LOAD_LIMITS, loadStories, loadStory, parseArticle, StoryDataError } from '../../src/story/load.ts';
import { ingestStory } from '../../src/story/ingest.ts';
import type { Story } from '../../src/story/types.ts';
import { SECOND_ARTICLE, SLUG, STORY_DIR, cleanupTemp, copyRealStory, editJson, expectValidAnswer, tempDir } from './helpers.ts';

afterAll(cleanupTemp);

type FactJson = { id: string; paragraph: number; quote: { exact: string; prefix?: string; suffix?: string }; kind: string; attribution: string[]; time?: Record<string, unknown> };
type FactsJson = { facts: FactJson[] };
type MetaJson = { slug: string; annotated: boolean; sources: { id: string }[] };

/** Runs `fn` and returns the StoryDataError it throws (failing the test when it throws nothing or something else). */
function dataError(fn: () => unknown): StoryDataError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StoryDataError);
    return err as StoryDataError;
  }
  throw new Error('expected a StoryDataError, but nothing was thrown');
}

/** A copy of the real story with facts.json changed by `mutate`. */
function withFacts(mutate: (data: FactsJson) => void): string {
  const { storyDir } = copyRealStory();
  editJson<FactsJson>(join(storyDir, 'facts.json'), mutate);
  return storyDir;
}

function fact(data: FactsJson, id: string): FactJson {
  const f = data.facts.find((x) => x.id === id);
  if (!f) throw new Error(`fixture: no fact ${id}`);
  return f;
}

describe('the real story', () => {
  const story: Story = loadStory(STORY_DIR);

  it('has the headline as paragraph 0 and six paragraphs after it', () => {
    expect(story.slug).toBe(SLUG);
    expect(story.paragraphs).toHaveLength(7);
    expect(story.paragraphs[0]).toMatch(/^Russian President Putin makes historic visit to North Korea/);
    expect(story.paragraphs[1]).toMatch(/^Russian President Vladimir Putin has made his first visit/);
    expect(story.paragraphs[6]).toMatch(/multi-polar world order\.$/);
    // Paragraphs are trimmed (the article file has a stray leading space on one line).
    for (const p of story.paragraphs) expect(p).toBe(p.trim());
  });

  it('anchors every fact at offsets that hold its exact quote', () => {
    expect(story.facts.length).toBeGreaterThan(10);
    for (const f of story.facts) {
      expect(story.paragraphs[f.paragraph]!.slice(f.start, f.end), f.id).toBe(f.quote.exact);
      const sentence = story.sentences[f.sentence]!;
      expect(sentence.paragraph, f.id).toBe(f.paragraph);
      expect(sentence.start <= f.start && f.start < sentence.end, `${f.id} start inside its sentence`).toBe(true);
    }
  });

  it('has sentences that are verbatim slices of their paragraphs', () => {
    story.sentences.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(story.paragraphs[s.paragraph]!.slice(s.start, s.end)).toBe(s.text);
    });
  });

  it('has a fact for every paragraph after the headline', () => {
    for (let p = 1; p <= 6; p++) expect(story.facts.some((f) => f.paragraph === p), `paragraph ${p}`).toBe(true);
  });

  it('has unique fact ids', () => {
    const ids = story.facts.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('attributes every fact to declared sources or to the article alone', () => {
    const sourceIds = new Set(story.sources.map((s) => s.id));
    expect(sourceIds.size).toBe(5);
    for (const f of story.facts) {
      if (f.attribution.includes('article')) expect(f.attribution, f.id).toEqual(['article']);
      else for (const id of f.attribution) expect(sourceIds.has(id), `${f.id}: ${id}`).toBe(true);
    }
  });

  it('gives every normalised time a basis, and marks values the article does not print as annotator-supplied', () => {
    const timed = story.facts.filter((f) => f.time?.value);
    expect(timed.length).toBeGreaterThanOrEqual(3);
    for (const f of timed) {
      const t = f.time!;
      expect(t.basis, f.id).toBeDefined();
      // The digits a value rests on (a year, a count of years) either appear in the article's own words, or the value came from the annotator.
      const digits = /^P(\d+)[YMD]$/.exec(t.value!)?.[1] ?? t.value!.slice(0, 4);
      const printed = story.paragraphs[f.paragraph]!.includes(digits) && t.text.includes(digits);
      if (!printed) {
        expect(t.basis && 'annotator' in t.basis, `${f.id}: ${t.value} is not printed, so it must be marked as annotator-supplied`).toBe(true);
      }
      if (t.basis && 'annotator' in t.basis) {
        expect(t.basis.annotator).toBe(true);
        expect(t.basis.basis.length).toBeGreaterThanOrEqual(10);
      }
    }
    // The two values the article does not print: the arrival date and "last year".
    const annotated = timed.filter((f) => f.time!.basis && 'annotator' in f.time!.basis).map((f) => f.time!.value);
    expect(annotated).toEqual(expect.arrayContaining(['2024-06-19', '2023']));
  });

  it('marks the annotator-supplied publication date as such', () => {
    expect(story.meta.annotated).toBe(true);
    const published = story.meta.published;
    expect(published).not.toBeNull();
    expect(published && 'annotator' in published).toBe(true);
  });
});

describe('parseArticle and findQuote', () => {
  it('splits lines into trimmed paragraphs, dropping blank lines, a BOM and CRLF', () => {
    expect(parseArticle('\uFEFFHeadline here\r\n\r\n  First para.  \r\nSecond para.\n\n')).toEqual(['Headline here', 'First para.', 'Second para.']);
  });

  it('finds every match of a quote, narrowed by prefix and suffix', () => {
    const p = 'the cat saw the dog and the bird';
    expect(findQuote(p, { exact: 'the' })).toEqual([0, 12, 24]);
    expect(findQuote(p, { exact: 'the', prefix: 'and ' })).toEqual([24]);
    expect(findQuote(p, { exact: 'the', suffix: ' dog' })).toEqual([12]);
    expect(findQuote(p, { exact: 'the', prefix: 'saw ', suffix: ' bird' })).toEqual([]);
    expect(findQuote(p, { exact: 'horse' })).toEqual([]);
  });
});

describe('broken story data', () => {
  it('rejects a quote that is not in its paragraph, naming facts.json, the fact and the field', () => {
    const dir = withFacts((d) => { fact(d, 'itinerary').quote.exact = 'a banquet with fireworks'; });
    const err = dataError(() => loadStory(dir));
    expect(err.message).toContain('facts.json');
    expect(err.message).toContain('itinerary');
    expect(err.message).toMatch(/field\W+quote\.exact/);
    expect(err.file).toMatch(/facts\.json$/);
  });

  it('rejects a quote that is in the article but in another paragraph', () => {
    const dir = withFacts((d) => { fact(d, 'invasion-when').paragraph = 2; });
    const err = dataError(() => loadStory(dir));
    expect(err.message).toContain('facts.json');
    expect(err.message).toContain('invasion-when');
    expect(err.message).toMatch(/quote/);
  });

  it('rejects an ambiguous quote that matches more than once', () => {
    const dir = withFacts((d) => { fact(d, 'airport-greeting').quote = { exact: 'the' }; });
    const err = dataError(() => loadStory(dir));
    expect(err.message).toContain('facts.json');
    expect(err.message).toContain('airport-greeting');
    expect(err.message).toMatch(/field "quote/);
    expect(err.message).toMatch(/prefix|suffix|times/);
  });

  it('accepts the same short quote once a prefix makes it unique', () => {
    const dir = withFacts((d) => { fact(d, 'arrival-when').quote = { exact: 'the', prefix: 'greeted by Kim Jong Un at ' }; });
    const story = loadStory(dir);
    const f = story.facts.find((x) => x.id === 'arrival-when')!;
    expect(story.paragraphs[2]!.slice(f.start - 'greeted by Kim Jong Un at '.length, f.end)).toBe('greeted by Kim Jong Un at the');
  });

  it('rejects an unknown attribution id', () => {
    const dir = withFacts((d) => { fact(d, 'fortress-source').attribution = ['tass']; });
    const err = dataError(() => loadStory(dir));
    expect(err.message).toContain('facts.json');
    expect(err.message).toContain('fortress-source');
    expect(err.message).toMatch(/field\W+attribution/);
    expect(err.message).toContain('tass');
  });

  it('rejects "article" mixed with a named source', () => {
    const dir = withFacts((d) => { fact(d, 'warm-welcome').attribution = ['article', 'kcna']; });
    const err = dataError(() => loadStory(dir));
    expect(err.message).toContain('warm-welcome');
    expect(err.message).toContain('attribution');
  });

  it('rejects a kind outside the enum', () => {
    const dir = withFacts((d) => { fact(d, 'significance').kind = 'how'; });
    const err = dataError(() => loadStory(dir));
    expect(err.message).toContain('facts.json');
    expect(err.message).toContain('significance');
    expect(err.message).toMatch(/field\W+kind/);
  });

  it('rejects a paragraph past the end of the article', () => {
    const dir = withFacts((d) => { fact(d, 'shared-goal').paragraph = 7; });
    const err = dataError(() => loadStory(dir));
    expect(err.message).toContain('facts.json');
    expect(err.message).toContain('shared-goal');
    expect(err.message).toMatch(/field\W+paragraph/);
  });

  it('rejects a negative or fractional paragraph', () => {
    const dir = withFacts((d) => { fact(d, 'context').paragraph = -1; fact(d, 'shared-goal').paragraph = 1.5; });
    const err = dataError(() => loadStory(dir));
    expect(err.message).toContain('context');
    expect(err.message).toContain('shared-goal');
    expect(err.message).toContain('paragraph');
  });

  it('rejects a duplicate fact id', () => {
    const dir = withFacts((d) => { fact(d, 'concerns-why').id = 'concerns-where'; });
    const err = dataError(() => loadStory(dir));
    expect(err.message).toContain('facts.json');
    expect(err.message).toContain('concerns-where');
    expect(err.message).toMatch(/duplicate/i);
    expect(err.message).toMatch(/field\W+id\b/);
  });

  it('rejects a normalised time without a basis', () => {
    const dir = withFacts((d) => { delete fact(d, 'invasion-when').time!['basis']; });
    const err = dataError(() => loadStory(dir));
    expect(err.message).toContain('invasion-when');
    expect(err.message).toMatch(/field\W+time\.basis/);
  });

  it('rejects a facts.json that is not valid JSON, naming the file', () => {
    const { storyDir } = copyRealStory();
    writeFileSync(join(storyDir, 'facts.json'), '{ "facts": [ { "id": "oops", } ');
    const err = dataError(() => loadStory(storyDir));
    expect(err.message).toContain('facts.json');
    expect(err.message).toMatch(/JSON/);
  });

  it('rejects a story.json that is not valid JSON, naming the file', () => {
    const { storyDir } = copyRealStory();
    writeFileSync(join(storyDir, 'story.json'), 'slug: putin-north-korea-visit');
    const err = dataError(() => loadStory(storyDir));
    expect(err.message).toContain('story.json');
    expect(err.message).toMatch(/JSON/);
  });

  it('rejects a folder without story.json', () => {
    const { storyDir } = copyRealStory();
    rmSync(join(storyDir, 'story.json'));
    const err = dataError(() => loadStory(storyDir));
    expect(err.message).toContain('story.json');
    expect(err.message).toMatch(/missing/);
  });

  it('rejects a story.json whose slug does not match its folder, via loadStories', () => {
    const { storiesDir, storyDir } = copyRealStory();
    editJson<MetaJson>(join(storyDir, 'story.json'), (m) => { m.slug = 'another-slug'; });
    // Alone the folder is fine; in a stories directory its name must be its slug.
    expect(loadStory(storyDir).slug).toBe('another-slug');
    const err = dataError(() => loadStories(storiesDir));
    expect(err.message).toContain('story.json');
    expect(err.message).toContain('slug');
    expect(err.message).toContain('another-slug');
    expect(err.message).toContain(SLUG);
  });

  it('rejects an annotated story with a paragraph that has no fact', () => {
    const dir = withFacts((d) => { d.facts = d.facts.filter((f) => f.paragraph !== 4); });
    const err = dataError(() => loadStory(dir));
    expect(err.message).toContain('facts.json');
    expect(err.message).toMatch(/paragraph\(?s?\)? 4\b/);
  });

  it('accepts the same gap once the story is marked as not annotated', () => {
    const { storyDir } = copyRealStory();
    editJson<FactsJson>(join(storyDir, 'facts.json'), (d) => { d.facts = d.facts.filter((f) => f.paragraph !== 4); });
    editJson<MetaJson>(join(storyDir, 'story.json'), (m) => { m.annotated = false; });
    expect(loadStory(storyDir).facts.some((f) => f.paragraph === 4)).toBe(false);
  });

  it('reports every problem of a facts file at once', () => {
    const dir = withFacts((d) => {
      fact(d, 'itinerary').quote.exact = 'no such words anywhere';
      fact(d, 'fortress-source').attribution = ['nobody'];
    });
    const err = dataError(() => loadStory(dir));
    expect(err.problems.length).toBeGreaterThanOrEqual(2);
    expect(err.message).toContain('itinerary');
    expect(err.message).toContain('fortress-source');
  });

  it('rejects an empty stories directory and a missing one', () => {
    expect(dataError(() => loadStories(tempDir())).message).toMatch(/no story/);
    expect(dataError(() => loadStories(join(tempDir(), 'not-there'))).message).toMatch(/does not exist/);
  });
});

describe('several stories', () => {
  function twoStories() {
    const { storiesDir } = copyRealStory();
    const second = ingestStory({ storiesDir, slug: 'harbor-bridge', articleFile: SECOND_ARTICLE });
    return { storiesDir, second };
  }

  it('ingests a raw article as an unannotated story that loads back', () => {
    const { storiesDir, second } = twoStories();
    expect(existsSync(join(storiesDir, 'harbor-bridge', 'story.json'))).toBe(true);
    expect(second.meta.annotated).toBe(false);
    // Facts, sources and entities are drafted by machine (tests/unit/draft.test.ts covers how).
    expect(second.facts.length).toBeGreaterThan(0);
    expect(second.facts.every((f) => f.drafted === true)).toBe(true);
    expect(second.paragraphs[0]).toBe('Riverton council approves new harbor bridge after long debate');
    expect(second.paragraphs).toHaveLength(4);
    // A second ingest of the same slug needs --force.
    expect(() => ingestStory({ storiesDir, slug: 'harbor-bridge', articleFile: SECOND_ARTICLE })).toThrow(/already exists/);
    expect(() => ingestStory({ storiesDir, slug: 'Bad Slug', articleFile: SECOND_ARTICLE })).toThrow(/slug/);
  });

  it('loads both, defaults to the annotated one, and answers from the story asked for', () => {
    const { storiesDir } = twoStories();
    const library = openLibrary(storiesDir);
    expect([...library.stories.keys()].sort()).toEqual(['harbor-bridge', SLUG]);
    expect(library.defaultSlug).toBe(SLUG);

    const putin = ask(library, { command: 'who', query: 'who met Putin at the airport', story: SLUG });
    expect(putin.story).toBe(SLUG);
    expect(putin.found).toBe(true);
    expect(putin.answer).toMatch(/Kim/);
    expectValidAnswer(library.stories.get(SLUG)!, putin, 'who');

    const bridge = ask(library, { command: 'who', query: 'who described the vote as a turning point', story: 'harbor-bridge' });
    expect(bridge.story).toBe('harbor-bridge');
    expect(bridge.found).toBe(true);
    expect(bridge.answer).toMatch(/Marsh/);
    expect(bridge.paragraph).toBe(1);
    expectValidAnswer(library.stories.get('harbor-bridge')!, bridge, 'who');

    const bridgeWhen = ask(library, { command: 'when', query: 'when does construction start', story: 'harbor-bridge' });
    expect(bridgeWhen.found).toBe(true);
    expect(bridgeWhen.answer).toMatch(/spring/);

    // No story given: the default.
    expect(ask(library, { command: 'who', query: 'who met Putin at the airport' }).story).toBe(SLUG);
  });

  it('keeps the stories apart: one story does not answer from the other', () => {
    const { storiesDir } = twoStories();
    const library = openLibrary(storiesDir);
    const a = ask(library, { command: 'who', query: 'who greeted Putin', story: 'harbor-bridge' });
    expect(a.story).toBe('harbor-bridge');
    expect(a.found).toBe(false);
    expect(a.passage).toBeNull();
    const b = ask(library, { command: 'why', query: 'why did shop owners oppose the bridge', story: SLUG });
    expect(b.found).toBe(false);
  });

  it('lists the sources of each story separately', () => {
    const { storiesDir } = twoStories();
    const library = openLibrary(storiesDir);
    const putin = ask(library, { command: 'sources', story: SLUG });
    expect(putin.sources?.map((s) => s.name)).toHaveLength(5);
    const bridge = ask(library, { command: 'sources', story: 'harbor-bridge' });
    expect(bridge.story).toBe('harbor-bridge');
    expect(bridge.sources?.map((s) => s.name).sort()).toEqual(['Elena Marsh', 'Riverton Engineering Office']);
    expect(bridge.sources?.find((s) => s.name === 'Riverton Engineering Office')?.paragraphs).toEqual([2]);
  });

  it('matches a story slug regardless of case and spaces', () => {
    const { storiesDir } = twoStories();
    const library = openLibrary(storiesDir);
    expect(ask(library, { command: 'sources', story: '  Harbor-Bridge ' }).story).toBe('harbor-bridge');
  });

  it('answers an unknown story with found:false and a message naming it and the loaded stories', () => {
    const { storiesDir } = twoStories();
    const library = openLibrary(storiesDir);
    for (const story of ['moon-landing', 42, { slug: SLUG }]) {
      const a = ask(library, { command: 'who', query: 'who greeted Putin', story });
      expect(a.found).toBe(false);
      expect(a.passage).toBeNull();
      expect(a.paragraph).toBeNull();
      expect(a.message).toMatch(/no story/i);
      expect(a.message).toContain('harbor-bridge');
      expect(a.message).toContain(SLUG);
      expect(a.message.length).toBeLessThanOrEqual(1800);
    }
    expect(ask(library, { command: 'who', query: 'x', story: 'moon-landing' }).message).toContain('moon-landing');
  });

  it('refuses a default story that is not loaded', () => {
    const { storiesDir } = twoStories();
    expect(() => openLibrary(storiesDir, 'nope')).toThrow(/nope/);
    expect(openLibrary(storiesDir, 'harbor-bridge').defaultSlug).toBe('harbor-bridge');
  });
});

describe('confined data: every story file is read from inside the stories folder, within size limits', () => {
  /** A stories folder with the real story, and a "secret" file next to (outside) it, like a repo's .env. */
  function withSecretOutside() {
    const outside = tempDir();
    const secret = join(outside, '.env');
    writeFileSync(secret, 'DISCORD_TOKEN=do-not-show-this-token-value\nsecond line\n');
    const { storiesDir, storyDir } = copyRealStory();
    return { storiesDir, storyDir, secret };
  }
  const linkArticle = (storyDir: string, target: string) => {
    rmSync(join(storyDir, 'article.txt'));
    symlinkSync(target, join(storyDir, 'article.txt'));
  };

  it('refuses an article.txt that links out of the stories folder (to a .env), naming the file and never its content', () => {
    const { storiesDir, storyDir, secret } = withSecretOutside();
    linkArticle(storyDir, relative(storyDir, secret)); // a relative link: ../../<tmp>/.env
    for (const load of [() => loadStories(storiesDir), () => openLibrary(storiesDir)]) {
      const err = dataError(load);
      expect(err.message).toContain('article.txt');
      expect(err.message).toMatch(/outside the stories folder/);
      expect(err.message).not.toContain('do-not-show-this-token-value');
    }
  });

  it('refuses a link to /etc/passwd and any absolute link outside', () => {
    const { storiesDir, storyDir } = withSecretOutside();
    linkArticle(storyDir, '/etc/passwd');
    const err = dataError(() => loadStories(storiesDir));
    expect(err.message).toContain('article.txt');
    expect(err.message).toMatch(/refused/);
  });

  it('refuses links out for story.json and facts.json too, and a story folder that is itself a link out', () => {
    const { storiesDir, storyDir } = withSecretOutside();
    const elsewhere = tempDir();
    renameSync(join(storyDir, 'facts.json'), join(elsewhere, 'facts.json'));
    symlinkSync(join(elsewhere, 'facts.json'), join(storyDir, 'facts.json'));
    expect(dataError(() => loadStories(storiesDir)).message).toMatch(/facts\.json.*outside the stories folder/);

    const second = copyRealStory();
    const away = tempDir();
    renameSync(second.storyDir, join(away, SLUG));
    symlinkSync(join(away, SLUG), second.storyDir);
    const err = dataError(() => loadStories(second.storiesDir));
    expect(err.message).toContain(SLUG);
    expect(err.message).toMatch(/outside the stories folder/);
  });

  it('accepts a link that stays inside the stories folder', () => {
    const { storiesDir, storyDir } = copyRealStory();
    mkdirSync(join(storiesDir, '.shared'));
    renameSync(join(storyDir, 'article.txt'), join(storiesDir, '.shared', 'article.txt'));
    symlinkSync('../.shared/article.txt', join(storyDir, 'article.txt'));
    expect(loadStories(storiesDir).map((s) => s.slug)).toEqual([SLUG]);
  });

  it('reports a dangling link as a data problem naming the file, not a stack trace', () => {
    const { storiesDir, storyDir } = copyRealStory();
    linkArticle(storyDir, join(tempDir(), 'gone.txt'));
    const err = dataError(() => loadStories(storiesDir));
    expect(err.message).toContain('article.txt');
    expect(err.message).toMatch(/link to a file that does not exist/);
    expect(err.message).not.toMatch(/\n\s+at /);

    const loose = copyRealStory();
    symlinkSync(join(tempDir(), 'no-folder'), join(loose.storiesDir, 'dangling-folder'));
    expect(dataError(() => loadStories(loose.storiesDir)).message).toMatch(/dangling-folder.*does not exist/);
  });

  it(`refuses an article over ${LOAD_LIMITS.article / 1024} kB and JSON files over ${LOAD_LIMITS.json / 1024} kB, with the limit in the message`, () => {
    const { storyDir } = copyRealStory();
    const article = readFileSync(join(storyDir, 'article.txt'), 'utf8');
    writeFileSync(join(storyDir, 'article.txt'), `${article}\n${'More words in a very long paragraph. '.repeat(LOAD_LIMITS.article / 30)}\n`);
    const err = dataError(() => loadStory(storyDir));
    expect(err.message).toContain('article.txt');
    expect(err.message).toMatch(/over the 256 kB limit/);

    const json = copyRealStory();
    const facts = readFileSync(join(json.storyDir, 'facts.json'), 'utf8');
    writeFileSync(join(json.storyDir, 'facts.json'), facts + ' '.repeat(LOAD_LIMITS.json));
    expect(dataError(() => loadStory(json.storyDir)).message).toMatch(/facts\.json.*over the 1024 kB limit/);
  });

  it('refuses a story whose files together pass the per-story limit even when each file is within its own', () => {
    const { storyDir } = copyRealStory();
    const pad = (file: string) => {
      const text = readFileSync(join(storyDir, file), 'utf8');
      writeFileSync(join(storyDir, file), text + ' '.repeat(LOAD_LIMITS.json - Buffer.byteLength(text) - 16));
    };
    pad('story.json');
    pad('facts.json');
    const err = dataError(() => loadStory(storyDir));
    expect(err.message).toMatch(/add up to more than the 2048 kB limit/);
  });

  it('names a missing STORIES_DIR outside the working directory by its absolute path, not a ../../ path', () => {
    const missing = join(tempDir(), 'not-there');
    const err = dataError(() => loadStories(missing));
    expect(err.message).toContain(missing);
    expect(err.message).not.toContain('../');
  });
});
