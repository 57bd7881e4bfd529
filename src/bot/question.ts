import {
  ApplicationCommandOptionType, type APIApplicationCommandOption, type AutocompleteInteraction, type ChatInputCommandInteraction,
} from 'discord.js';
import { answer } from '../answer/answer.ts';
import type { Command } from '../answer/types.ts';
import { MAX_QUERY_CHARS } from '../answer/input.ts';
import { capList } from '../lists.ts';
import { renderCard, renderDiscord, type DiscordReply } from '../render/discord.ts';
import { safeText, truncate } from '../render/safe.ts';
import { withFeedback } from './feedback.ts';
import { send } from './reply.ts';
import { storyHere, type Place } from './story-here.ts';
import { pickReply } from './story-pick.ts';
import { questionChoices, storyChoices } from './suggest.ts';
import type { BotContext } from './types.ts';

/** The options every question command shares: the text (with autocomplete), `private`, `story`. */
export function questionOptions(name: string, description: string, required = true, autocomplete = true): APIApplicationCommandOption[] {
  return [
    { type: ApplicationCommandOptionType.String, name, description, required, max_length: MAX_QUERY_CHARS, autocomplete },
    { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Show the answer only to you', required: false },
    { type: ApplicationCommandOptionType.String, name: 'story', description: "Which story to ask about (default: this channel's story)", required: false, autocomplete: true, max_length: 100 },
  ];
}

/** Where an interaction happens. */
export const placeOf = (interaction: { guildId: string | null; channelId: string | null }): Place => ({ guildId: interaction.guildId, channelId: interaction.channelId });

/** The ephemeral reply for a `story:` option naming no story visible here (a capped list of those that are). */
export function unknownStoryReply(ctx: BotContext, place: Place, slug: string): DiscordReply {
  return renderCard({
    title: 'How to ask',
    description: `There is no story called “${safeText(truncate(slug, 60))}” here. Stories: ${capList(ctx.catalog.visibleSlugs(place.guildId))}.`,
    color: 0x757575,
  }, true);
}

/**
 * Answers a question about the story in use here (option, channel, server, routing, default) and replies
 * with the shared renderer; public answers carry the 👍/👎 buttons. When routing finds two stories that
 * answer equally well, the asker is asked to pick (ephemeral, a button a story).
 */
export async function answerQuestion(ctx: BotContext, interaction: Parameters<typeof send>[0], place: Place, command: Command, query: string, options: { option?: string | null; private?: boolean } = {}): Promise<void> {
  const here = storyHere(ctx, place, options.option, { command, query });
  if (here.routed?.kind === 'tie') {
    await send(interaction, pickReply(ctx, place, { command, query, private: options.private ?? false, slugs: here.routed.slugs }));
    return;
  }
  if (!here.index) {
    await send(interaction, unknownStoryReply(ctx, place, here.slug));
    return;
  }
  // A routed question was already answered by the engine on the chosen story.
  const result = here.reason === 'routing' && here.routed?.kind === 'one' ? here.routed.answer : answer(here.index, command, query);
  const reply = renderDiscord(result, { private: options.private ?? false, storyTitle: here.index.story.meta.title, storyReason: here.reason });
  await send(interaction, withFeedback(ctx, reply, result, place));
}

/** Answers a slash command from the engine. */
export async function answerInteraction(interaction: ChatInputCommandInteraction, ctx: BotContext, command: Command, query: string): Promise<void> {
  await answerQuestion(ctx, interaction, placeOf(interaction), command, query, {
    option: interaction.options.getString('story'),
    private: interaction.options.getBoolean('private') ?? false,
  });
}

/** Autocomplete for question commands: the `story` option lists the stories visible here; the text option suggests questions from the story in use. */
export async function autocompleteQuestion(interaction: AutocompleteInteraction, ctx: BotContext, kind: string | null): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const place = placeOf(interaction);
  if (focused.name === 'story') {
    await interaction.respond(storyChoices(ctx.catalog.visible(place.guildId), String(focused.value)));
    return;
  }
  const here = storyHere(ctx, place, interaction.options.getString('story'), { command: (kind as Command | null) ?? null, query: String(focused.value) });
  const index = here.index ?? storyHere(ctx, place).index;
  await interaction.respond(index ? questionChoices(index, kind, String(focused.value)) : []);
}
