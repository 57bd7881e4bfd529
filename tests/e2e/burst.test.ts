/**
 * A burst of 1,000 commands at once through the stand-in, on the real clock: every one is acknowledged
 * in the right form (an answer, or a defer followed by the answer edited in or sent privately, or an
 * ephemeral "busy"). The test asserts that form, not timings; it prints how many acknowledgements came
 * within 3 s of the interaction's creation, for the record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordSnowflake } from '@sapphire/snowflake';
import { NOTICES } from '../../src/bot/router.ts';
import type { SentInteraction } from '../discord/standin.ts';
import { isEphemeral, messageOf, startBotOnStandin, str, type MessageData, type RunningBot } from './helpers.ts';

const BURST = Number(process.env['BURST'] ?? 1000);
const QUESTIONS = [
  ['who', 'greeted Putin at the airport'],
  ['where', 'did Putin arrive'],
  ['when', 'did Russia invade Ukraine'],
  ['factcheck', 'North Korea sent arms to Russia'],
  ['who', 'is the president of Brazil'],
] as const;

describe(`a burst of ${BURST} commands at once`, () => {
  let run: RunningBot;
  beforeAll(async () => {
    run = await startBotOnStandin({ COOLDOWN_SECONDS: '0' });
  }, 15_000);
  afterAll(async () => {
    await run?.close();
  });

  it('acknowledges every one, each in a valid form, and every deferred one gets its answer', async () => {
    const sent: SentInteraction[] = [];
    for (let i = 0; i < BURST; i++) {
      const [name, q] = QUESTIONS[i % QUESTIONS.length]!;
      sent.push(run.standin.sendChatInput({ name, options: [str(name === 'factcheck' ? 'claim' : 'question', q)], user: { id: `${900000000000000000n + BigInt(i)}` } }));
    }
    const acks = await Promise.all(sent.map((s) => s.waitForCallback(60_000)));
    const forms = { answered: 0, deferred: 0, busy: 0 };
    for (const [i, cb] of acks.entries()) {
      if (cb.type === 4) {
        const msg = messageOf(cb);
        if (msg.content === NOTICES.busy) { forms.busy += 1; expect(isEphemeral(msg)).toBe(true); } else forms.answered += 1;
        expect(msg.embeds?.length || msg.content, JSON.stringify(msg)).toBeTruthy();
      } else {
        expect(cb.type).toBe(5);
        forms.deferred += 1;
        const s = sent[i]!;
        const answer = await s.waitForWebhook((w) => (w.method === 'PATCH' && w.messageId === '@original') || w.method === 'POST', 60_000);
        expect((answer.body as MessageData).embeds?.length, JSON.stringify(answer.body)).toBe(1);
      }
    }
    expect(forms.answered + forms.deferred + forms.busy).toBe(BURST);
    expect(run.standin.callbacks.items.filter((c) => sent.some((s) => s.id === c.interactionId))).toHaveLength(BURST);
    // For the record (not asserted: it depends on the machine): acknowledgements within 3 s of creation.
    const ages = acks.map((cb) => cb.request.at - DiscordSnowflake.timestampFrom(cb.interactionId)).sort((a, b) => a - b);
    const within = ages.filter((a) => a <= 3000).length;
    console.info(`burst ${BURST}: ${within}/${BURST} acknowledged within 3 s; p50 ${ages[Math.floor(BURST / 2)]} ms, p99 ${ages[Math.floor(BURST * 0.99)]} ms, max ${ages[BURST - 1]} ms; answered ${forms.answered}, deferred ${forms.deferred}, busy ${forms.busy}`);
  }, 120_000);
});
