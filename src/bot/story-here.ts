import type { Command } from '../answer/types.ts';
import type { StoryIndex } from '../search/index.ts';
import { chooseStory, type StoryChoice } from '../story/resolve.ts';
import type { RouteResult } from '../story/route.ts';
import type { BotContext } from './types.ts';

/** Where an interaction happens: its server (null in DMs) and channel. */
export interface Place {
  guildId: string | null;
  channelId: string | null;
}

/** The story chosen for an interaction, and its index when it is a visible story. */
export interface StoryHere extends StoryChoice {
  index?: StoryIndex;
  /** What routing decided, when it was consulted (a question, no story pinned, more than one story visible). */
  routed?: RouteResult;
}

/**
 * The story an interaction uses, in the one order every command, autocomplete and "Fact-check this"
 * share: the `story:` option, the channel's story, the server's, routing over the visible stories, the default.
 * A routing tie falls through to the default here; the caller sees it in `routed` and asks the user to pick.
 */
export function storyHere(ctx: BotContext, place: Place, option?: string | null, question?: { command: Command | null; query: string }): StoryHere {
  const settings = place.guildId && place.channelId ? ctx.settings.storySettings(place.guildId, place.channelId) : {};
  let routed: RouteResult | undefined;
  const route = () => {
    routed = ctx.catalog.route(place.guildId, question!.command, question!.query);
    return routed.kind === 'one' ? routed.slug : undefined;
  };
  const choice = chooseStory({
    option,
    channel: settings.channel,
    server: settings.server,
    defaultSlug: ctx.catalog.defaultSlug,
    visible: (slug) => ctx.catalog.has(place.guildId, slug),
    route: question && ctx.catalog.visibleCount(place.guildId) > 1 ? route : undefined,
  });
  return { ...choice, ...(routed ? { routed } : {}), index: choice.known ? ctx.catalog.find(place.guildId, choice.slug) : undefined };
}
