import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { storyFacts } from '../src/overview.ts';
import { renderCard, renderNotice } from '../src/render/discord.ts';
import { safeText, truncate } from '../src/render/safe.ts';
import { send } from '../src/bot/reply.ts';
import { storyChoices } from '../src/bot/suggest.ts';
import type { SlashCommand } from '../src/bot/types.ts';

/** /story: the story's headline, date, outlet, size and what it covers. */
export const definition = {
  name: 'story',
  description: 'Show the story: headline, date, outlet, paragraphs and what it covers',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'story', description: 'Which story (default: the main story)', required: false, autocomplete: true, max_length: 100 },
    { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Show it only to you', required: false },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  definition,
  async execute(interaction, ctx) {
    const slug = interaction.options.getString('story') ?? undefined;
    const f = storyFacts(ctx.library, slug);
    if (!f) {
      await send(interaction, renderNotice(`There is no story called “${safeText(truncate(slug ?? '', 100))}”. Loaded: ${[...ctx.library.stories.keys()].join(', ')}.`));
      return;
    }
    await send(interaction, renderCard({
      title: f.headline,
      description: f.summary ?? 'An article without a written overview; ask about it with /ask.',
      fields: [
        { name: 'Published', value: f.published, inline: true },
        { name: 'Outlet', value: f.outlet, inline: true },
        { name: 'Paragraphs', value: String(f.paragraphs), inline: true },
        { name: 'Sources cited', value: f.sources.join(', ') || 'none named' },
        ...(f.others.length ? [{ name: 'Other stories', value: f.others.join(', ') }] : []),
      ],
      footer: { text: `story: ${f.slug} · ${f.facts} annotated facts` },
      color: 0x1565c0,
    }, interaction.options.getBoolean('private') ?? false));
  },
  autocomplete: (interaction, ctx) => interaction.respond(storyChoices(ctx.library.stories.values(), interaction.options.getFocused())),
} satisfies SlashCommand;
