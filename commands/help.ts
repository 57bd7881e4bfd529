import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { COMMAND_HELP } from '../src/overview.ts';
import { renderCard } from '../src/render/discord.ts';
import { send } from '../src/bot/reply.ts';
import type { SlashCommand } from '../src/bot/types.ts';

/** /help: every command with one example. */
export const definition = {
  name: 'help',
  description: 'List the commands with an example each',
  options: [{ type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Show it only to you', required: false }],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  definition,
  execute: (interaction) => send(interaction, renderCard({
    title: 'story-bot: answers about the news story, with sources',
    description: 'Every answer quotes the passage it rests on, its paragraph, who the story says reported it, and how firm it is. Right-click a message → Apps → **Fact-check this** to check it.',
    fields: COMMAND_HELP.map((c) => ({ name: `/${c.command}`, value: `${c.what}\n\`${c.example}\`` })),
    color: 0x1565c0,
  }, interaction.options.getBoolean('private') ?? true)),
} satisfies SlashCommand;
