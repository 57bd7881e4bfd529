import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerInteraction, autocompleteQuestion, questionOptions } from '../src/bot/question.ts';
import type { SlashCommand } from '../src/bot/types.ts';

/** /factcheck: a verdict on a claim (supported, disputed, contradicted, not in the story) with the evidence. */
export const definition = {
  name: 'factcheck',
  description: 'Check a claim against the story: supported, disputed, contradicted or not in the story',
  options: questionOptions('claim', 'The claim to check, as a sentence', true, false),
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  definition,
  execute: (interaction, ctx) => answerInteraction(interaction, ctx, 'factcheck', interaction.options.getString('claim', true)),
  autocomplete: (interaction, ctx) => autocompleteQuestion(interaction, ctx, null),
} satisfies SlashCommand;
