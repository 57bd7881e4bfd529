import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerInteraction, autocompleteQuestion, questionOptions } from '../src/bot/question.ts';
import type { SlashCommand } from '../src/bot/types.ts';

/** /who: Who did it? A person or organisation from the story, with the passage and its source */
export const definition = {
  name: 'who',
  description: 'Who did it? A person or organisation from the story, with the passage and its source',
  options: questionOptions('question', 'Your question, e.g. who signed the agreement'),
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  definition,
  execute: (interaction, ctx) => answerInteraction(interaction, ctx, 'who', interaction.options.getString('question', true)),
  autocomplete: (interaction, ctx) => autocompleteQuestion(interaction, ctx, 'who'),
} satisfies SlashCommand;
