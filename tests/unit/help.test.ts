/**
 * Help that fits the story: examples and suggestions come from the story in use (its suggested questions,
 * or its headline), command descriptions name no story; feedback button ids; capped lists.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { questionChoices } from '../../src/bot/suggest.ts';
import { feedbackId, feedbackRow, parseFeedbackId } from '../../src/bot/feedback.ts';
import { headlineClause, headlineQuestions, storyExamples } from '../../src/examples.ts';
import { consoleReply } from '../../src/cli/console.ts';
import { openLibrary } from '../../src/library.ts';
import { capList } from '../../src/lists.ts';
import { helpEntries } from '../../src/overview.ts';
import { ingestStory } from '../../src/story/ingest.ts';
import { SECOND_ARTICLE, SLUG, cleanupTemp, copyRealStory } from './helpers.ts';

afterAll(cleanupTemp);

const { storiesDir } = copyRealStory();
ingestStory({ storiesDir, slug: 'harbor-bridge', articleFile: SECOND_ARTICLE });
const library = openLibrary(storiesDir, SLUG);
const putin = library.stories.get(SLUG)!;
const harbor = library.stories.get('harbor-bridge')!;
/** Every name the default story declares: none may leak into another story's help or into command descriptions. */
const putinNames = [...putin.story.entities, ...putin.story.sources].flatMap((e) => [e.name, ...e.aliases]).filter((n) => n.length > 3);

describe('examples from the story in use', () => {
  it('an annotated story: its facts\' suggested questions, by matching kind', () => {
    const ex = storyExamples(putin);
    const suggestions = putin.story.facts.flatMap((f) => f.suggest ?? []).map((q) => q.replace(/\?$/, ''));
    for (const command of ['who', 'when', 'where', 'why'] as const) {
      const text = ex[command].replace(`/${command} `, '');
      expect(suggestions.some((q) => q.toLowerCase().endsWith(text.toLowerCase())), ex[command]).toBe(true);
    }
    expect(ex.factcheck).toBe(`/factcheck ${putin.story.paragraphs[0]}`);
  });

  it('a raw story: short questions from its own headline, never the default story\'s text', () => {
    const ex = storyExamples(harbor);
    expect(ex.who).toBe('/who approved new harbor bridge');
    expect(ex.what).toBe('/what did Riverton council approve');
    const all = JSON.stringify(helpEntries(harbor));
    for (const name of putinNames) expect(all).not.toContain(name);
    const choices = questionChoices(harbor, 'who', '');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices[0]!.name).toMatch(/^Who approved new harbor bridge\?$/);
    for (const name of putinNames) expect(JSON.stringify(choices)).not.toContain(name);
  });

  it('reads a headline as subject, verb and object when it can; falls back to its topic otherwise', () => {
    expect(headlineClause('Riverton council approves new harbor bridge after long debate')).toEqual({ subject: 'Riverton council', verb: 'approve', object: 'new harbor bridge' });
    expect(headlineClause('Election results')).toBeUndefined();
    expect(headlineQuestions('Election results').ask).toBe('What does the story say about election results?');
  });

  it('property: any headline gives six short, single-line questions, without backticks in examples', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 300 }), (headline) => {
      const qs = headlineQuestions(headline);
      expect(Object.keys(qs).sort()).toEqual(['ask', 'what', 'when', 'where', 'who', 'why']);
    }), { seed: 11, numRuns: 200 });
    const odd = storyExamples({ ...harbor, story: { ...harbor.story, paragraphs: ['Head `with` ticks\nand a break', ...harbor.story.paragraphs.slice(1)] } });
    for (const e of Object.values(odd)) {
      expect(e).not.toMatch(/[`\n]/);
      expect(e.length).toBeLessThanOrEqual(170);
    }
  });

  it('the console\'s help uses the story picked with --story', () => {
    expect(consoleReply(library, '/help --story harbor-bridge')).toContain('/who approved new harbor bridge');
    const help = consoleReply(library, '/help --story harbor-bridge')!;
    for (const name of putinNames) expect(help).not.toContain(name);
    expect(consoleReply(library, '/help')).toContain(storyExamples(putin).who);
  });
});

describe('command descriptions name no story', () => {
  it('no description or option description names anything from the stories', () => {
    const texts = JSON.stringify(commands.map((c) => c.definition));
    for (const name of [...putinNames, 'Riverton', 'harbor']) expect(texts, name).not.toContain(name);
  });
});

describe('feedback buttons', () => {
  it('custom_id round-trips, is small and versioned; anything else is rejected', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.boolean(), (id, helpful) => {
      const cid = feedbackId(id, helpful);
      expect(cid.length).toBeLessThanOrEqual(20);
      expect(parseFeedbackId(cid)).toEqual({ answerId: id, helpful });
    }), { seed: 3, numRuns: 500 });
    for (const bad of ['', 'fb1:', 'fb1:1:x', 'fb2:1:y', 'fb1:0:y', 'fb1:-1:n', 'fb1:1:y:extra', 'FB1:1:y']) expect(parseFeedbackId(bad), bad).toBeUndefined();
    const row = feedbackRow(42);
    expect(row.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['fb1:16:y', 'fb1:16:n']);
  });
});

describe('lists are capped', () => {
  it('shows at most ten names and counts the rest', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `story-${i}`);
    const text = capList(names);
    expect(text).toBe(`${names.slice(0, 10).join(', ')} and 9990 more`);
    expect(capList(names.slice(0, 3))).toBe('story-0, story-1, story-2');
    expect(capList([])).toBe('');
  });

  it('autocomplete never offers more than 25 choices', () => {
    expect(questionChoices(putin, null, '').length).toBeLessThanOrEqual(25);
  });
});
