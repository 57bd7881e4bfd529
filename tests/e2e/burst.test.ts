/**
 * A burst of 1,000 commands at once, with the bot as its own process (the compiled `npm start`, as
 * deployed) and the stand-in in this one, as Discord would be: every command is acknowledged in a
 * valid form (an answer; or a defer followed by the answer edited in, or sent privately with the
 * "thinking…" message deleted; or an ephemeral "busy"), and every acknowledgement within Discord's 3 s:
 * each is timed by the stand-in as Discord would, from the interaction's creation (its snowflake) to the
 * moment the stand-in received the callback, not by how long the test took.
 */
import { DiscordSnowflake } from '@sapphire/snowflake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERACTION_WINDOWS } from '../../src/bot/deliver.ts';
import { NOTICES } from '../../src/bot/router.ts';
import { startStandin, type DiscordStandin, type SentInteraction } from '../discord/standin.ts';
import { TOKEN, childEnv, exitWithin, isEphemeral, messageOf, spawnNpm, str, type MessageData, type Spawned } from './helpers.ts';

const BURST = Number(process.env['BURST'] ?? 400);
const QUESTIONS = [
  ['who', 'greeted Putin at the airport'],
  ['where', 'did Putin arrive'],
  ['when', 'did Russia invade Ukraine'],
  ['factcheck', 'North Korea sent arms to Russia'],
  ['who', 'is the president of Brazil'],
] as const;

describe(`a burst of ${BURST} commands at once`, () => {
  let standin: DiscordStandin;
  let bot: Spawned;
  beforeAll(async () => {
    standin = await startStandin({ token: TOKEN });
    bot = spawnNpm(['start', '--silent'], childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: standin.apiBase, LOG_LEVEL: 'warn', COOLDOWN_SECONDS: '0' }));
    await standin.waitForReady(1, 45_000);
  }, 50_000);
  afterAll(async () => {
    if (bot) {
      bot.child.kill('SIGTERM');
      await exitWithin(bot, 10_000).catch(() => bot.kill());
    }
    await standin?.close();
  });

  it('acknowledges every one, each in a valid form, and every deferred one gets its answer', async () => {
    const sent: SentInteraction[] = [];
    for (let i = 0; i < BURST; i++) {
      const [name, q] = QUESTIONS[i % QUESTIONS.length]!;
      sent.push(standin.sendChatInput({ name, options: [str(name === 'factcheck' ? 'claim' : 'question', q)], user: { id: `${900000000000000000n + BigInt(i)}` } }));
    }
    const acks = await Promise.all(sent.map((s) => s.waitForCallback(60_000)));
    const forms = { answered: 0, deferred: 0, busy: 0 };
    await Promise.all(acks.map(async (cb, i) => {
      if (cb.type === 4) {
        const msg = messageOf(cb);
        if (msg.content === NOTICES.busy) { forms.busy += 1; expect(isEphemeral(msg)).toBe(true); } else forms.answered += 1;
        expect(msg.embeds?.length, JSON.stringify(msg)).toBe(1);
        return;
      }
      expect(cb.type).toBe(5);
      forms.deferred += 1;
      const answer = await sent[i]!.waitForWebhook((w) => (w.method === 'PATCH' && w.messageId === '@original') || w.method === 'POST', 60_000);
      expect((answer.body as MessageData).embeds, JSON.stringify(answer.body)).toHaveLength(1);
      if (answer.method === 'POST') await sent[i]!.waitForWebhook((w) => w.method === 'DELETE', 60_000);
    }));
    expect(forms.answered + forms.deferred + forms.busy).toBe(BURST);
    expect(standin.callbacks.items.filter((c) => c.type === 4 || c.type === 5)).toHaveLength(BURST); // one acknowledgement each
    expect(bot.stderr()).not.toMatch(/"level":5\d/);
    // Every acknowledgement reached "Discord" within 3 s of the interaction's creation.
    const ages = acks.map((cb) => ({ id: cb.interactionId, type: cb.type, ms: cb.request.at - DiscordSnowflake.timestampFrom(cb.interactionId) }));
    const sorted = ages.map((a) => a.ms).sort((a, b) => a - b);
    const within = sorted.filter((ms) => ms <= INTERACTION_WINDOWS.ackMs).length;
    console.info(`burst ${BURST}: ${within}/${BURST} acknowledged within 3 s; p50 ${sorted[Math.floor(BURST / 2)]} ms, p99 ${sorted[Math.floor(BURST * 0.99)]} ms, max ${sorted[BURST - 1]} ms; answered ${forms.answered}, deferred ${forms.deferred}, busy ${forms.busy}`);
    expect(ages.filter((a) => a.ms > INTERACTION_WINDOWS.ackMs), 'acknowledged later than 3 s after creation').toEqual([]);
  }, 120_000);
});
