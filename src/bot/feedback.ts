import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow, type ButtonInteraction } from 'discord.js';
import type { Answer } from '../answer/types.ts';
import { renderNotice, type DiscordReply } from '../render/discord.ts';
import { send } from './reply.ts';
import type { Place } from './story-here.ts';
import type { BotContext } from './types.ts';

/** custom_id of a feedback button: version, the stored answer's id (base 36), y (helpful) or n (wrong). */
const FEEDBACK_ID = /^fb1:([0-9a-z]{1,11}):([yn])$/;

/** The custom_id of a feedback button (`fb1:<answer id>:<y|n>`, at most 18 characters). */
export function feedbackId(answerId: number, helpful: boolean): string {
  return `fb1:${answerId.toString(36)}:${helpful ? 'y' : 'n'}`;
}

/** Reads a feedback custom_id; undefined for anything else (another version, another button, garbage). */
export function parseFeedbackId(customId: string): { answerId: number; helpful: boolean } | undefined {
  const m = FEEDBACK_ID.exec(customId);
  if (!m) return undefined;
  const answerId = parseInt(m[1]!, 36);
  return Number.isSafeInteger(answerId) && answerId > 0 ? { answerId, helpful: m[2] === 'y' } : undefined;
}

/** The row of two buttons under a public answer: 👍, and 👎 “Wrong answer”. */
export function feedbackRow(answerId: number): APIActionRowComponent<APIComponentInMessageActionRow> {
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: feedbackId(answerId, true), emoji: { name: '👍' }, label: 'Helpful' },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: feedbackId(answerId, false), emoji: { name: '👎' }, label: 'Wrong answer' },
    ],
  };
}

/**
 * Adds the feedback buttons to a public answer, first storing what was asked and answered (so a vote can
 * be reported later) under the id the buttons carry. Private and not-found replies are left as they are.
 */
export function withFeedback(ctx: BotContext, reply: DiscordReply, result: Answer, place: Place): DiscordReply {
  if (reply.ephemeral || !result.found || !place.channelId) return reply;
  const id = ctx.settings.recordAnswer({
    guildId: place.guildId,
    channelId: place.channelId,
    story: result.story,
    command: result.command,
    question: result.query.slice(0, 500),
    answer: (result.answer ? `${result.answer}\n${result.message}` : result.message).slice(0, 2000),
  });
  return { ...reply, components: [feedbackRow(id)] };
}

/** Handles a click on 👍/👎: one vote per user per answer (a new click replaces it), acknowledged only to the voter. */
export async function handleFeedback(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const parsed = parseFeedbackId(interaction.customId);
  if (!parsed) {
    await send(interaction, renderNotice('This button no longer works.'));
    return;
  }
  const result = ctx.settings.vote(parsed.answerId, interaction.user.id, parsed.helpful);
  const text = {
    'unknown-answer': 'That answer is too old to rate now.',
    recorded: parsed.helpful ? 'Thanks: noted as helpful.' : 'Thanks: marked as a wrong answer. Moderators see these with /story reports.',
    changed: parsed.helpful ? 'Changed your vote to helpful.' : 'Changed your vote: marked as a wrong answer.',
    unchanged: 'You already voted that way on this answer.',
  }[result];
  ctx.logger.info({ guildId: interaction.guildId, answerId: parsed.answerId, helpful: parsed.helpful, result }, 'feedback');
  await send(interaction, renderNotice(text));
}
