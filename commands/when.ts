import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerInteraction, autocompleteQuestion, questionOptions } from '../src/bot/question.ts';
import type { SlashCommand } from '../src/bot/types.ts';

/** /when: When did it happen? A time from the story, with the passage and its source */
export const definition = {
  name: 'when',
  description: 'When did it happen? A time from the story, with the passage and its source',
  options: questionOptions('question', 'Your question, e.g. when did the talks begin'),
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  definition,
  execute: (interaction, ctx) => answerInteraction(interaction, ctx, 'when', interaction.options.getString('question', true)),
  autocomplete: (interaction, ctx) => autocompleteQuestion(interaction, ctx, 'when'),
} satisfies SlashCommand;
