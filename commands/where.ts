import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerInteraction, autocompleteQuestion, questionOptions } from '../src/bot/question.ts';
import type { SlashCommand } from '../src/bot/types.ts';

/** /where: Where did it happen? A place from the story, with the passage and its source */
export const definition = {
  name: 'where',
  description: 'Where did it happen? A place from the story, with the passage and its source',
  options: questionOptions('question', 'Your question, e.g. where did the meeting take place'),
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  definition,
  execute: (interaction, ctx) => answerInteraction(interaction, ctx, 'where', interaction.options.getString('question', true)),
  autocomplete: (interaction, ctx) => autocompleteQuestion(interaction, ctx, 'where'),
} satisfies SlashCommand;
