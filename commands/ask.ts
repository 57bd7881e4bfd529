import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerInteraction, autocompleteQuestion, questionOptions } from '../src/bot/question.ts';
import type { SlashCommand } from '../src/bot/types.ts';

/** /ask: Ask anything about the story; the kind of question is detected */
export const definition = {
  name: 'ask',
  description: 'Ask anything about the story; the kind of question is detected',
  options: questionOptions('question', 'Your question, in your own words'),
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  definition,
  execute: (interaction, ctx) => answerInteraction(interaction, ctx, 'ask', interaction.options.getString('question', true)),
  autocomplete: (interaction, ctx) => autocompleteQuestion(interaction, ctx, null),
} satisfies SlashCommand;
