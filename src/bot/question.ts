import {
  ApplicationCommandOptionType, type APIApplicationCommandOption, type AutocompleteInteraction, type ChatInputCommandInteraction,
} from 'discord.js';
import type { Command } from '../answer/types.ts';
import { MAX_QUERY_CHARS } from '../answer/input.ts';
import { ask, findStory } from '../library.ts';
import { renderDiscord } from '../render/discord.ts';
import { send } from './reply.ts';
import { questionChoices, storyChoices } from './suggest.ts';
import type { BotContext } from './types.ts';

/** The options every question command shares: the text (with autocomplete), `private`, `story`. */
export function questionOptions(name: string, description: string, required = true, autocomplete = true): APIApplicationCommandOption[] {
  return [
    { type: ApplicationCommandOptionType.String, name, description, required, max_length: MAX_QUERY_CHARS, autocomplete },
    { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Show the answer only to you', required: false },
    { type: ApplicationCommandOptionType.String, name: 'story', description: 'Which story to ask about (default: the main story)', required: false, autocomplete: true, max_length: 100 },
  ];
}

/** Answers a command from the engine and replies with the shared renderer. */
export async function answerInteraction(interaction: ChatInputCommandInteraction, ctx: BotContext, command: Command, query: string): Promise<void> {
  const slug = interaction.options.getString('story') ?? undefined;
  const result = ask(ctx.library, { command, query, story: slug });
  const story = findStory(ctx.library, slug);
  await send(interaction, renderDiscord(result, { private: interaction.options.getBoolean('private') ?? false, storyTitle: story?.story.meta.title }));
}

/** Autocomplete for question commands: the `story` option lists stories; the text option suggests questions. */
export async function autocompleteQuestion(interaction: AutocompleteInteraction, ctx: BotContext, kind: string | null): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'story') {
    await interaction.respond(storyChoices(ctx.library.stories.values(), String(focused.value)));
    return;
  }
  const story = findStory(ctx.library, interaction.options.getString('story') ?? undefined) ?? ctx.library.stories.get(ctx.library.defaultSlug)!;
  await interaction.respond(questionChoices(story, kind, String(focused.value)));
}
