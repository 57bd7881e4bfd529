import { findStory, type Library } from './library.ts';
import { sourceSummaries } from './answer/sources.ts';
import type { StoryIndex } from './search/index.ts';
import { storyExamples, type ExampleCommand } from './examples.ts';
import { capList } from './lists.ts';

/** What each command does, shown by /help in Discord and the console. Names no story: examples come from the story in use. */
export const COMMAND_HELP = [
  { command: 'who', what: 'who did something: a person or organisation' },
  { command: 'when', what: 'when something happened' },
  { command: 'where', what: 'where something happened' },
  { command: 'what', what: 'what happened, what was said' },
  { command: 'why', what: 'why something happened or matters' },
  { command: 'ask', what: 'any question; the kind is detected' },
  { command: 'sources', what: 'every source the story cites, or the source behind a passage' },
  { command: 'factcheck', what: 'check a claim against the story' },
  { command: 'story', what: 'which story this channel uses and why; moderators set, add and remove stories' },
  { command: 'help', what: 'this list' },
] as const satisfies readonly { command: string; what: string }[];

/** One help line a command: what it does and an example from the story in use. */
export function helpEntries(index: StoryIndex): { command: string; what: string; example: string }[] {
  const examples = storyExamples(index);
  return COMMAND_HELP.map((c) => ({
    ...c,
    example: c.command === 'story' ? '/story show' : c.command === 'help' ? '/help' : examples[c.command as ExampleCommand],
  }));
}

/** The help text for the console, with examples from the story in use (Discord renders helpEntries itself). */
export function helpText(index: StoryIndex): string {
  return [
    `Commands (add --story <slug> to pick a story; this one: ${index.story.slug}):`,
    ...helpEntries(index).map((c) => `  /${c.command.padEnd(9)} ${c.what}. e.g. ${c.example}`),
    '  /quit      leave',
  ].join('\n');
}

/** Plain facts about a story for /story: headline, date, outlet, size, what it covers, sources; `others` are the other stories' slugs. */
export function storyFactsOf(index: StoryIndex, others: string[]) {
  const { meta, paragraphs } = index.story;
  const published = meta.published ? `${meta.published.value}${'annotator' in meta.published ? ' (annotator-supplied: not printed in the article)' : ''}` : 'not given';
  const outlet = meta.outlet ? `${meta.outlet.value}${'annotator' in meta.outlet ? ' (annotator-supplied)' : ''}` : 'not given in the article';
  return {
    slug: meta.slug,
    headline: paragraphs[0]!,
    published,
    outlet,
    paragraphs: paragraphs.length - 1,
    summary: meta.summary ?? null,
    sources: sourceSummaries(index).map((s) => s.name),
    facts: index.story.facts.length,
    others: others.filter((s) => s !== meta.slug),
  };
}

/** Plain facts about a library story (the default when no slug); null for an unknown slug. */
export function storyFacts(library: Library, slug?: string) {
  const index = findStory(library, slug);
  return index ? storyFactsOf(index, [...library.stories.keys()]) : null;
}

/** /story as text for the console; lists of other stories are capped. */
export function storyOverview(library: Library, slug?: string): string {
  const f = storyFacts(library, slug);
  if (!f) return `There is no story called “${slug}”. Loaded: ${capList([...library.stories.keys()])}.`;
  return [
    f.headline,
    `  story: ${f.slug} · published: ${f.published} · outlet: ${f.outlet} · ${f.paragraphs} paragraphs · ${f.facts} annotated facts`,
    ...(f.summary ? [`  ${f.summary}`] : []),
    `  sources: ${f.sources.join(', ') || 'none named'}`,
    ...(f.others.length ? [`  other stories: ${capList(f.others)}`] : []),
  ].join('\n');
}
