import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerInteraction, autocompleteQuestion, questionOptions } from '../src/bot/question.ts';
import type { SlashCommand } from '../src/bot/types.ts';

/** /what: What happened or was said? The passage from the story, with its source */
export const definition = {
  name: 'what',
  description: 'What happened or was said? The passage from the story, with its source',
  options: questionOptions('question', 'Your question, e.g. what was agreed'),
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  definition,
  execute: (interaction, ctx) => answerInteraction(interaction, ctx, 'what', interaction.options.getString('question', true)),
  autocomplete: (interaction, ctx) => autocompleteQuestion(interaction, ctx, 'what'),
} satisfies SlashCommand;
