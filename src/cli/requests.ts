import { blank } from '../answer/answer.ts';
import { COMMANDS, type Answer, type Command } from '../answer/types.ts';
import { ask, findStory, routeLibrary, type Ask, type Library } from '../library.ts';
import { helpText, storyOverview } from '../overview.ts';
import { routedNote, routingTieText } from '../render/messages.ts';

/** How routing chose the story, when no story was given and more than one is loaded. */
export interface CliRouting {
  /** `one`: this story answers best; `tie`: these two answer about equally well, and the user picks. */
  kind: 'one' | 'tie';
  stories: { slug: string; title: string }[];
}

/** An Answer as the CLIs print it: the engine's commands, plus `story` and `help` as in Discord and the console. */
export type CliAnswer = Omit<Answer, 'command'> & { command: Command | 'story' | 'help'; routing?: CliRouting };

const commandOf = (request: Ask) => (typeof request.command === 'string' ? request.command.trim().replace(/^\//, '').toLowerCase() : '');

/**
 * Answers a request for `ask` and the JSONL contract: `story` (the story's overview; the slug from
 * `story`, else the query) and `help` (every command with an example) answer as they do in Discord and
 * the console; everything else goes to the engine through `ask`. Never throws.
 */
export function answerRequest(library: Library, request: Ask): CliAnswer {
  const command = commandOf(request);
  if (command !== 'story' && command !== 'help') return routed(library, request, command) ?? ask(library, request);
  const fallback = library.stories.get(library.defaultSlug)!;
  if (command === 'help') return { ...blank(fallback, 'ask', ''), command, found: true, message: helpText(findStory(library, request.story) ?? fallback) };
  const query = typeof request.query === 'string' ? request.query.trim() : '';
  const slug = request.story ?? (query || undefined);
  const index = findStory(library, slug);
  // An unknown story: the same not-found answer (naming the loaded stories) as any command gets.
  if (!index) return { ...ask(library, { command: 'ask', query: '', story: slug }), command };
  return { ...blank(index, 'ask', query), command, found: true, message: storyOverview(library, index.story.slug) };
}

/**
 * Routing for the CLIs, as in a Discord server with no story pinned: with no `story` given, more than one
 * story loaded and a question asked, the story that answers it best answers (its reply names it); two
 * that answer about equally well get a usage answer naming both; when none answers, undefined (the
 * default story answers, and says it doesn't know).
 */
function routed(library: Library, request: Ask, command: string): CliAnswer | undefined {
  const given = request.story !== undefined && request.story !== null && request.story !== '';
  const query = typeof request.query === 'string' ? request.query : '';
  if (given || library.stories.size < 2 || !query.trim() || !(COMMANDS as readonly string[]).includes(command)) return undefined;
  const result = routeLibrary(library, command as Command, query);
  const listing = (slug: string) => ({ slug, title: library.stories.get(slug)?.story.meta.title ?? slug });
  if (result.kind === 'one') {
    const story = listing(result.slug);
    return { ...result.answer, routing: { kind: 'one', stories: [story] }, message: `${routedNote(story)}\n${result.answer.message}` };
  }
  if (result.kind === 'tie') {
    const stories = result.slugs.map(listing);
    const fallback = library.stories.get(library.defaultSlug)!;
    return { ...blank(fallback, command as Command, query.slice(0, 500)), usage: true, routing: { kind: 'tie', stories }, message: routingTieText(stories) };
  }
  return undefined;
}
