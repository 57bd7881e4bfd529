import { ApplicationCommandType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import { renderNotice } from '../src/render/discord.ts';
import { send } from '../src/bot/reply.ts';
import { answerQuestion, placeOf } from '../src/bot/question.ts';
import type { MessageCommand } from '../src/bot/types.ts';

/** "Fact-check this": right-click a message to check its text against this channel's story. */
export const definition = {
  name: 'Fact-check this',
  type: ApplicationCommandType.Message,
} satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;

export default {
  definition,
  async execute(interaction, ctx) {
    const text = interaction.targetMessage.content;
    if (!text.trim()) {
      await send(interaction, renderNotice('That message has no text to fact-check (only embeds, images or attachments).'));
      return;
    }
    await answerQuestion(ctx, interaction, placeOf(interaction), 'factcheck', text);
  },
} satisfies MessageCommand;
