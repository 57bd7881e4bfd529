import type { Command } from '../answer/types.ts';
import type { StoryIndex } from '../search/index.ts';

/**
 * Routing across stories: with no story pinned (option, channel, server) and several visible, which one
 * should answer this question. **Not implemented yet**: it returns undefined, so the default story answers.
 * The lead will implement it with the engine's own answerability score (issue 7, item 3).
 */
export function routeQuestion(_candidates: readonly StoryIndex[], _command: Command | null, _query: string): string | undefined {
  return undefined;
}
