import { ApplicationCommandType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import { ask, findStory } from '../src/library.ts';
import { renderDiscord, renderNotice } from '../src/render/discord.ts';
import { send } from '../src/bot/reply.ts';
import type { MessageCommand } from '../src/bot/types.ts';

/** "Fact-check this": right-click a message to check its text against the default story. */
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
    const result = ask(ctx.library, { command: 'factcheck', query: text });
    await send(interaction, renderDiscord(result, { storyTitle: findStory(ctx.library)?.story.meta.title }));
  },
} satisfies MessageCommand;
