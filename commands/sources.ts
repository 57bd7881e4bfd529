import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerInteraction, autocompleteQuestion, questionOptions } from '../src/bot/question.ts';
import type { SlashCommand } from '../src/bot/types.ts';

/** /sources: every source the story cites, or the source behind one passage. */
export const definition = {
  name: 'sources',
  description: 'List the sources the story cites, or name the source behind a passage',
  options: questionOptions('about', 'Optional: a passage or topic from the story', false),
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  definition,
  execute: (interaction, ctx) => answerInteraction(interaction, ctx, 'sources', interaction.options.getString('about') ?? ''),
  autocomplete: (interaction, ctx) => autocompleteQuestion(interaction, ctx, 'source'),
} satisfies SlashCommand;
