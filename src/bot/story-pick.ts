import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow, type ButtonInteraction } from 'discord.js';
import { answer } from '../answer/answer.ts';
import type { Command } from '../answer/types.ts';
import { renderCard, renderDiscord, renderNotice, truncate, type DiscordReply } from '../render/discord.ts';
import { safeText } from '../render/safe.ts';
import { withFeedback } from './feedback.ts';
import { send } from './reply.ts';
import type { Place } from './story-here.ts';
import type { BotContext } from './types.ts';

/**
 * When routing finds two stories that answer a question about equally well, the asker picks: an ephemeral
 * reply names both, with one button a story (and the `story:` option as the other way). The question
 * waits here, in memory, under the id the buttons carry; a press answers it from the chosen story.
 */

/** A question waiting for its asker to pick a story. */
export interface PendingPick {
  command: Command;
  query: string;
  private: boolean;
  slugs: readonly string[];
}

/** Questions waiting for a pick, newest kept: at most `cap` (a press on an older one is told to ask again). */
export class PendingPicks {
  private readonly waiting = new Map<number, PendingPick>();
  private next = 1;

  constructor(readonly cap = 1000) {}

  /** Keeps a question; returns the id its buttons carry. */
  add(pick: PendingPick): number {
    const id = this.next++;
    this.waiting.set(id, pick);
    while (this.waiting.size > this.cap) this.waiting.delete(this.waiting.keys().next().value!);
    return id;
  }

  get(id: number): PendingPick | undefined {
    return this.waiting.get(id);
  }
}

/** custom_id of a story-pick button: version, the pending question's id (base 36), the story's position. */
const PICK_ID = /^pick1:([0-9a-z]{1,11}):(\d)$/;

/** The custom_id of a story-pick button. */
export function pickId(pendingId: number, choice: number): string {
  return `pick1:${pendingId.toString(36)}:${choice}`;
}

/** Reads a story-pick custom_id; undefined for anything else. */
export function parsePickId(customId: string): { pendingId: number; choice: number } | undefined {
  const m = PICK_ID.exec(customId);
  if (!m) return undefined;
  const pendingId = parseInt(m[1]!, 36);
  return Number.isSafeInteger(pendingId) && pendingId > 0 ? { pendingId, choice: Number(m[2]) } : undefined;
}

/** The ephemeral "which story?" reply for a routing tie: both stories named, a button each. */
export function pickReply(ctx: BotContext, place: Place, pick: PendingPick): DiscordReply {
  const id = ctx.picks.add(pick);
  const stories = pick.slugs.map((slug) => ({ slug, title: ctx.catalog.visible(place.guildId).find((s) => s.slug === slug)?.title ?? slug }));
  const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
    type: ComponentType.ActionRow,
    components: stories.map((s, i) => ({ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: pickId(id, i), label: truncate(s.title, 80) })),
  };
  return {
    ...renderCard({
      title: 'Two stories answer this about equally well',
      description: [
        `**/${pick.command}** ${safeText(truncate(pick.query, 300))}`,
        '',
        ...stories.map((s) => `• **${safeText(s.title)}** (\`${safeText(s.slug)}\`)`),
        '',
        'Pick the story to answer from, or ask again with the `story:` option.',
      ].join('\n'),
      color: 0x757575,
    }, true),
    components: [row],
  };
}

/** A press on a story-pick button: answers the waiting question from the chosen story. */
export async function handlePick(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const parsed = parsePickId(interaction.customId);
  const pick = parsed && ctx.picks.get(parsed.pendingId);
  const slug = parsed && pick?.slugs[parsed.choice];
  if (!pick || !slug) {
    await send(interaction, renderNotice('That choice has expired. Ask again, naming the story with the `story:` option.'));
    return;
  }
  const place: Place = { guildId: interaction.guildId, channelId: interaction.channelId };
  const index = ctx.catalog.find(place.guildId, slug);
  if (!index) {
    await send(interaction, renderNotice(`The story “${safeText(truncate(slug, 60))}” is no longer available here.`));
    return;
  }
  const result = answer(index, pick.command, pick.query);
  const reply = renderDiscord(result, { private: pick.private, storyTitle: index.story.meta.title });
  await send(interaction, withFeedback(ctx, reply, result, place));
}
