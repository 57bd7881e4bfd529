import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { helpEntries } from '../src/overview.ts';
import { renderCard } from '../src/render/discord.ts';
import { send } from '../src/bot/reply.ts';
import { placeOf } from '../src/bot/question.ts';
import { storyHere } from '../src/bot/story-here.ts';
import { reasonText } from '../src/story/resolve.ts';
import { safeText } from '../src/render/safe.ts';
import type { SlashCommand } from '../src/bot/types.ts';

/** /help: every command, with an example from the story this channel uses. */
export const definition = {
  name: 'help',
  description: 'List the commands, with examples from the story this channel uses',
  options: [{ type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Show it only to you', required: false }],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  definition,
  async execute(interaction, ctx) {
    const here = storyHere(ctx, placeOf(interaction));
    const index = here.index ?? ctx.catalog.find(null, ctx.catalog.defaultSlug)!;
    await send(interaction, renderCard({
      title: 'story-bot: answers about the news story, with sources',
      description: [
        `Story here: **${safeText(index.story.meta.title)}** (${reasonText(here.reason)}).`,
        'Every answer quotes the passage it rests on, its paragraph, who the story says reported it, and how firm it is. Right-click a message → Apps → **Fact-check this** to check it.',
      ].join('\n'),
      fields: helpEntries(index).map((c) => ({ name: `/${c.command}`, value: `${c.what}\n\`${c.example}\`` })),
      footer: { text: `story: ${index.story.slug}` },
      color: 0x1565c0,
    }, interaction.options.getBoolean('private') ?? true));
  },
} satisfies SlashCommand;
