import { MessageFlags, type InteractionReplyOptions, type RepliableInteraction } from 'discord.js';
import type { DiscordReply } from '../render/discord.ts';

/** discord.js reply options from a rendered reply: mentions parse nothing, ephemeral as a flag. */
export function toReplyOptions(reply: DiscordReply): InteractionReplyOptions {
  return {
    ...(reply.content ? { content: reply.content } : {}),
    embeds: reply.embeds,
    allowedMentions: reply.allowedMentions,
    ...(reply.components ? { components: reply.components } : {}),
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Sends a rendered reply: the first reply, or a follow-up when the interaction was already answered or deferred. */
export async function send(interaction: RepliableInteraction, reply: DiscordReply): Promise<void> {
  const options = toReplyOptions(reply);
  if (interaction.deferred && !interaction.replied) await interaction.editReply({ content: options.content ?? null, embeds: options.embeds, allowedMentions: options.allowedMentions });
  else if (interaction.replied) await interaction.followUp(options);
  else await interaction.reply(options);
}
