import { findStory, type Library } from './library.ts';
import { sourceSummaries } from './answer/sources.ts';

/** One example per command, shown by /help in Discord and the console. */
export const COMMAND_HELP: readonly { command: string; what: string; example: string }[] = [
  { command: 'who', what: 'who did something: a person or organisation', example: '/who greeted Putin' },
  { command: 'when', what: 'when something happened', example: '/when did Russia invade Ukraine' },
  { command: 'where', what: 'where something happened', example: '/where did Putin arrive' },
  { command: 'what', what: 'what happened, what was said', example: '/what was on the itinerary' },
  { command: 'why', what: 'why something happened or matters', example: '/why is the visit a concern' },
  { command: 'ask', what: 'any question; the kind is detected', example: '/ask What did North Korea get for the weapons?' },
  { command: 'sources', what: 'every source the story cites, or the source behind a passage', example: '/sources document signings' },
  { command: 'factcheck', what: 'check a claim against the story', example: '/factcheck North Korea sent arms to Russia' },
  { command: 'story', what: 'the story: headline, date, outlet, what it covers', example: '/story' },
  { command: 'help', what: 'this list', example: '/help' },
];

/** The help text for the console (Discord renders COMMAND_HELP itself). */
export function helpText(): string {
  return ['Commands (add --story <slug> to pick a story):', ...COMMAND_HELP.map((c) => `  /${c.command.padEnd(9)} ${c.what}. e.g. ${c.example}`), '  /quit      leave'].join('\n');
}

/** Plain facts about a story for /story: headline, date, outlet, size, what it covers, sources. */
export function storyFacts(library: Library, slug?: string) {
  const index = findStory(library, slug);
  if (!index) return null;
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
    others: [...library.stories.keys()].filter((s) => s !== meta.slug),
  };
}

/** /story as text for the console. */
export function storyOverview(library: Library, slug?: string): string {
  const f = storyFacts(library, slug);
  if (!f) return `There is no story called “${slug}”. Loaded: ${[...library.stories.keys()].join(', ')}.`;
  return [
    f.headline,
    `  story: ${f.slug} · published: ${f.published} · outlet: ${f.outlet} · ${f.paragraphs} paragraphs · ${f.facts} annotated facts`,
    ...(f.summary ? [`  ${f.summary}`] : []),
    `  sources: ${f.sources.join(', ') || 'none named'}`,
    ...(f.others.length ? [`  other stories: ${f.others.join(', ')}`] : []),
  ].join('\n');
}
