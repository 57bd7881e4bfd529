import { blank } from '../answer/answer.ts';
import type { Answer, Command } from '../answer/types.ts';
import { ask, findStory, type Ask, type Library } from '../library.ts';
import { helpText, storyOverview } from '../overview.ts';

/** An Answer as the CLIs print it: the engine's commands, plus `story` and `help` as in Discord and the console. */
export type CliAnswer = Omit<Answer, 'command'> & { command: Command | 'story' | 'help' };

const commandOf = (request: Ask) => (typeof request.command === 'string' ? request.command.trim().replace(/^\//, '').toLowerCase() : '');

/**
 * Answers a request for `ask` and the JSONL contract: `story` (the story's overview; the slug from
 * `story`, else the query) and `help` (every command with an example) answer as they do in Discord and
 * the console; everything else goes to the engine through `ask`. Never throws.
 */
export function answerRequest(library: Library, request: Ask): CliAnswer {
  const command = commandOf(request);
  if (command !== 'story' && command !== 'help') return ask(library, request);
  const fallback = library.stories.get(library.defaultSlug)!;
  if (command === 'help') return { ...blank(fallback, 'ask', ''), command, found: true, message: helpText(findStory(library, request.story) ?? fallback) };
  const query = typeof request.query === 'string' ? request.query.trim() : '';
  const slug = request.story ?? (query || undefined);
  const index = findStory(library, slug);
  // An unknown story: the same not-found answer (naming the loaded stories) as any command gets.
  if (!index) return { ...ask(library, { command: 'ask', query: '', story: slug }), command };
  return { ...blank(index, 'ask', query), command, found: true, message: storyOverview(library, index.story.slug) };
}
