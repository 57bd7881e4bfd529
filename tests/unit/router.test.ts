/**
 * The router's queue on a virtual clock, with stand-in interactions that record when they were
 * acknowledged: when answers turn out slower than planned, the commands still waiting are deferred
 * as soon as that shows (not when their turn comes), so every one is acknowledged early enough.
 */
import type { ChatInputCommandInteraction, Interaction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { virtualClock } from '../../src/bot/clock.ts';
import { Cooldown } from '../../src/bot/cooldown.ts';
import { INTERACTION_WINDOWS } from '../../src/bot/deliver.ts';
import { send } from '../../src/bot/reply.ts';
import { createRouter } from '../../src/bot/router.ts';
import type { BotContext, SlashCommand } from '../../src/bot/types.ts';
import { createLogger } from '../../src/log.ts';
import { renderNotice } from '../../src/render/discord.ts';

const START = 1_700_000_000_000;

/** Just enough of a chat-input interaction for the router and reply.ts; records what was sent, and when. */
function fakeInteraction(id: number, createdTimestamp: number, now: () => number) {
  const acks: { kind: 'reply' | 'defer'; at: number }[] = [];
  const edits: number[] = [];
  const interaction = {
    id: String(id), createdTimestamp, commandName: 'slow', user: { id: `u${id}` }, guildId: 'g', channelId: 'c',
    deferred: false, replied: false,
    options: { getBoolean: () => null },
    isAutocomplete: () => false, isButton: () => false, isModalSubmit: () => false,
    isChatInputCommand: () => true, isMessageContextMenuCommand: () => false,
    reply: () => { acks.push({ kind: 'reply', at: now() }); return Promise.resolve(); },
    deferReply: () => { acks.push({ kind: 'defer', at: now() }); return Promise.resolve(); },
    editReply: () => { edits.push(now()); return Promise.resolve(); },
    followUp: () => { edits.push(now()); return Promise.resolve(); },
    deleteReply: () => Promise.resolve(),
  };
  return { interaction: interaction as unknown as ChatInputCommandInteraction & Interaction, acks, edits };
}

describe('router: plans follow the measured answer time', () => {
  it('defers the commands still waiting as soon as answers prove slow, each well before its 3 s', async () => {
    const clock = virtualClock(START);
    const ANSWER_MS = 600; // each answer takes 0.6 s of the bot's time: far slower than the 10 ms first guessed
    const slow: SlashCommand = {
      definition: { name: 'slow', description: 'slow', options: [] },
      async execute(interaction) {
        clock.advance(ANSWER_MS);
        await send(interaction, renderNotice('done'));
      },
    };
    const ctx = { logger: createLogger('silent') } as unknown as BotContext;
    const router = createRouter([slow], ctx, new Cooldown(0, () => clock.now()), { clock });
    const burst = Array.from({ length: 6 }, (_, i) => fakeInteraction(i, START, () => clock.now()));
    await Promise.all(burst.map(({ interaction }) => router.handle(interaction)));

    for (const [i, { acks, edits }] of burst.entries()) {
      expect(acks, `interaction ${i}`).toHaveLength(1);
      // acknowledged (answered, or deferred) while there was still time for it to reach Discord
      expect(acks[0]!.at - START, `interaction ${i}`).toBeLessThan(INTERACTION_WINDOWS.deferAfterMs);
      if (acks[0]!.kind === 'defer') expect(edits, `interaction ${i}`).toHaveLength(1);
    }
    // the first answers went out directly; the rest were deferred once the first answer showed the pace
    expect(burst.map(({ acks }) => acks[0]!.kind)).toEqual(['reply', 'reply', 'defer', 'defer', 'defer', 'defer']);
  });
});
