import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerInteraction, autocompleteQuestion, questionOptions } from '../src/bot/question.ts';
import type { SlashCommand } from '../src/bot/types.ts';

/** /why: Why did it happen or matter? The reason the story gives, with its source */
export const definition = {
  name: 'why',
  description: 'Why did it happen or matter? The reason the story gives, with its source',
  options: questionOptions('question', 'Your question, e.g. why does it matter'),
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  definition,
  execute: (interaction, ctx) => answerInteraction(interaction, ctx, 'why', interaction.options.getString('question', true)),
  autocomplete: (interaction, ctx) => autocompleteQuestion(interaction, ctx, 'why'),
} satisfies SlashCommand;
